using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>Syncs through the grains against a real loopback server replaying provider and models.dev responses.</summary>
[Collection(SyncCluster.Name)]
public sealed class ProviderSyncTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    /// <summary>A provider whose list lives at /{id}/v1/models, with its key set, and models.dev scripted.</summary>
    private async Task<string> ArrangeAsync(string[] listed, (string, decimal, decimal)[] modelsDev, bool withKey = true)
    {
        var id = TestData.UniqueId("acme");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList(listed)));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, modelsDev)));
        if (withKey)
        {
            fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        }
        await Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));
        return id;
    }

    [Fact]
    public async Task A_full_sync_merges_the_provider_api_with_models_dev_and_a_dry_run_changes_nothing()
    {
        var id = await ArrangeAsync(["acme-small", "acme-large"], [("acme-small", 0.1m, 0.4m), ("acme-large", 3m, 15m), ("acme-unlisted", 1m, 1m)]);

        var dry = await Catalog.Sync.SyncAsync(id, new SyncRequest { DryRun = true });
        Assert.Equal(SyncStatus.DryRun, dry.Status);
        Assert.Equal(["acme-large", "acme-small"], dry.Changes.AddedOfferings.Select(c => c.Id));
        Assert.Empty((await Catalog.Providers.GetAsync(id)).Offerings);

        var applied = await Catalog.Sync.SyncAsync(id, new SyncRequest { Trigger = "test" });
        Assert.Equal(SyncStatus.Applied, applied.Status);
        Assert.Equal(dry.Changes, applied.Changes);
        Assert.All(applied.Sources, s => Assert.Equal(SourceStatus.Ok, s.Status));

        var large = await Catalog.Models.GetAsync(id, "acme-large");
        Assert.Equal(3m, large.InputPrice);
        Assert.Equal(15m, large.OutputPrice);
        Assert.Equal(131_072, large.ContextWindow);          // the provider's own figure outranks models.dev's 128000
        Assert.Equal(8_192, large.Offering.Limits!.OutputTokens); // only models.dev knows it
        Assert.Equal(Availability.Available, large.Offering.Availability);
        Assert.Contains(large.Offering.Provenance, p => p.Path.StartsWith("pricing", StringComparison.Ordinal) && p.Source == SourceIds.ModelsDev);
        Assert.Contains(large.Offering.Provenance, p => p.Path == "limits.context_window" && p.Source == SourceIds.ProviderApi);
        Assert.Null(await Catalog.Models.FindAsync(id, "acme-unlisted"));
        Assert.Contains(applied.Warnings, w => w.Contains(SourceIds.ModelsDev, StringComparison.Ordinal));
        Assert.True((await Catalog.GetStatusAsync()).Generation >= applied.Generation);

        var requests = fixture.Server.RequestsTo($"/{id}/v1/models");
        Assert.Equal(2, requests.Count); // the dry run and the apply each read the list
        Assert.All(requests, r => Assert.Equal($"Bearer secret-{id}", r.Headers["Authorization"]));
        Assert.All(requests, r => Assert.DoesNotContain($"secret-{id}", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sync_that_goes_on_without_a_failed_source_says_which_failed_and_what_it_used_and_so_does_its_last_outcome()
    {
        var id = await ArrangeAsync(["m-1"], [("m-1", 1m, 2m)]);
        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.SyncAsync(id)).Status);
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.WithStatus(401, """{"error":"key revoked"}"""));

        var result = await Catalog.Sync.SyncAsync(id);

        // models.dev still answered, so the sync went on from it (nothing it says differs) ...
        Assert.Equal(SyncStatus.NoChanges, result.Status);
        // ... but it is not a whole sync, and the result says so where a summary shows it.
        Assert.StartsWith("provider-api failed: ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; synced from models.dev alone", result.Reason, StringComparison.Ordinal);
        Assert.Equal(result.Reason, (await Catalog.Sync.GetLastOutcomeAsync(id))!.Reason);
        var summary = ProviderSyncSummary.From(result, discovered: false, modelsDevId: null, includeChanges: false);
        Assert.Equal(["provider-api"], summary.FailedSources);
        Assert.Equal(1, SyncTotals.Of([summary]).WithFailedSources);
    }

    [Fact]
    public async Task What_a_source_skipped_while_reading_its_list_is_in_the_sync_results_warnings()
    {
        var id = await ArrangeAsync(["m-1"], [("m-1", 1m, 2m)]);
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json("""
            {"object":"list","data":[{"id":"m-1","object":"model","owned_by":"acme"},{"object":"model"},{"id":"m-1","object":"model","owned_by":"other"}]}
            """));

        var result = await Catalog.Sync.SyncAsync(id, new SyncRequest { DryRun = true });

        Assert.Contains("provider-api: item 1 has no 'id', skipped", result.Warnings);
        Assert.Contains("provider-api: m-1: listed twice, the first entry kept", result.Warnings);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Syncing_the_same_input_twice_changes_nothing_the_second_time()
    {
        var id = await ArrangeAsync(["a-1", "a-2"], [("a-1", 1m, 2m)]);
        var first = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Applied, first.Status);
        var before = await Catalog.Providers.GetAsync(id);

        var second = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.NoChanges, second.Status);
        Assert.True(second.Changes.IsEmpty);
        Assert.Equal(before, await Catalog.Providers.GetAsync(id));
    }

    [Fact]
    public async Task A_missing_key_skips_the_provider_api_with_the_variable_named()
    {
        var id = await ArrangeAsync(["m-1"], [("m-1", 1m, 2m)], withKey: false);
        var result = await Catalog.Sync.SyncAsync(id, new SyncRequest { Sources = [SourceIds.ProviderApi] });

        Assert.Equal(SyncStatus.Skipped, result.Status);
        var report = Assert.Single(result.Sources);
        Assert.Equal(SourceStatus.Skipped, report.Status);
        Assert.Contains(SyncPayloads.KeyVariable(id), report.Error, StringComparison.Ordinal);
        Assert.Empty(fixture.Server.RequestsTo($"/{id}/v1/models"));
        Assert.Empty((await Catalog.Providers.GetAsync(id)).Offerings);
    }

    [Fact]
    public async Task A_failing_source_is_reported_and_the_other_sources_still_count()
    {
        var id = await ArrangeAsync(["f-1"], [("f-1", 1m, 2m), ("f-2", 3m, 4m)]);
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.WithStatus(500, "{\"error\":\"down\"}"));

        var result = await Catalog.Sync.SyncAsync(id);
        var api = Assert.Single(result.Sources, s => s.Source == SourceIds.ProviderApi);
        Assert.Equal(SourceStatus.Failed, api.Status);
        Assert.Contains(id, api.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"secret-{id}", api.Error, StringComparison.Ordinal);
        Assert.Equal(SyncStatus.Applied, result.Status);
        // Without the provider's complete list, models.dev's models are added.
        Assert.Equal(2, (await Catalog.Providers.GetAsync(id)).Offerings.Count);
    }

    [Fact]
    public async Task When_every_source_fails_the_sync_is_rejected_and_the_catalog_is_unchanged()
    {
        var id = await ArrangeAsync(["x-1"], []);
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json("{\"object\":\"list\",\"data\":[{\"id\":"));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.WithStatus(503));
        var before = await Catalog.Providers.GetAsync(id);

        var result = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Rejected, result.Status);
        Assert.Contains(SourceIds.ProviderApi, result.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Catalog.Providers.GetAsync(id));
        Assert.Equal(SyncStatus.Rejected, (await Catalog.Sync.GetLastOutcomeAsync(id))!.Status);
    }

    [Fact]
    public async Task A_list_that_shrank_implausibly_is_refused_unless_forced_and_gone_models_are_marked_not_deleted()
    {
        string[] six = ["s-1", "s-2", "s-3", "s-4", "s-5", "s-6"];
        var id = await ArrangeAsync(six, []);
        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.SyncAsync(id)).Status);
        var before = await Catalog.Providers.GetAsync(id);

        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList("s-1")));
        var refused = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Rejected, refused.Status);
        Assert.Contains("Force", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Catalog.Providers.GetAsync(id));

        var forced = await Catalog.Sync.SyncAsync(id, new SyncRequest { Force = true });
        Assert.Equal(SyncStatus.Applied, forced.Status);
        Assert.Equal(5, forced.Changes.RemovedOfferings.Count);
        var after = await Catalog.Providers.GetAsync(id);
        Assert.Equal(6, after.Offerings.Count);
        Assert.Equal(5, after.Offerings.Count(o => o.Availability == Availability.Unavailable));
        Assert.Equal(Availability.Available, after.Offerings.Single(o => o.ModelId == "s-1").Availability);
    }

    [Fact]
    public async Task A_crash_between_fetch_and_apply_leaves_the_provider_entirely_as_it_was()
    {
        var id = await ArrangeAsync(["c-1", "c-2"], [("c-1", 1m, 2m)]);
        var before = await Catalog.Providers.GetAsync(id);
        fixture.Hooks.CrashBeforeApply(id);

        var result = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.Contains("injected crash", result.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Catalog.Providers.GetAsync(id));
        Assert.Empty((await Catalog.Models.QueryAsync(new ModelQuery { Providers = [id] })).Items);
    }

    [Fact]
    public async Task Concurrent_syncs_of_one_provider_run_one_after_the_other()
    {
        var id = await ArrangeAsync(["p-1", "p-2", "p-3"], [("p-1", 1m, 1m)]);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Catalog.Sync.SyncAsync(id)));
        Assert.Equal(1, results.Count(r => r.Status == SyncStatus.Applied));
        Assert.Equal(3, results.Count(r => r.Status == SyncStatus.NoChanges));
        Assert.Equal(3, (await Catalog.Providers.GetAsync(id)).Offerings.Count);
    }

    [Fact]
    public async Task A_dry_run_never_replaces_the_last_real_sync_outcome()
    {
        var id = await ArrangeAsync(["d-1"], [("d-1", 1m, 2m)]);
        var applied = await Catalog.Sync.SyncAsync(id, new SyncRequest { Trigger = "real" });
        Assert.Equal(SyncStatus.Applied, applied.Status);
        var real = await Catalog.Sync.GetLastOutcomeAsync(id);

        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList("d-1", "d-2")));
        var dry = await Catalog.Sync.SyncAsync(id, new SyncRequest { DryRun = true, Trigger = "Test-StarmapProvider", Sources = [SourceIds.ProviderApi] });
        Assert.Equal(SyncStatus.DryRun, dry.Status);

        Assert.Equal(real, await Catalog.Sync.GetLastOutcomeAsync(id));
        Assert.Equal(real, (await Catalog.Sync.GetScheduleAsync(id)).LastOutcome);
    }

    [Fact]
    public async Task Bad_requests_name_what_was_wrong()
    {
        var id = await ArrangeAsync(["b-1"], []);
        var source = await Assert.ThrowsAsync<StarmapValidationException>(() =>
            Catalog.Sync.SyncAsync(id, new SyncRequest { Sources = ["carrier-pigeon"] }));
        Assert.Equal("sources", source.Field);
        Assert.Equal("carrier-pigeon", source.Value);

        var missing = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Sync.SyncAsync(TestData.UniqueId("nobody")));
        Assert.Equal("provider", missing.Kind);

        var interval = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Sync.SetScheduleAsync(id, TimeSpan.FromMilliseconds(10)));
        Assert.Equal("interval", interval.Field);
    }

    [Fact]
    public async Task A_schedule_interval_past_30_days_names_the_interval_and_leaves_the_schedule_unchanged()
    {
        var id = await ArrangeAsync(["m-1"], []);
        // Orleans' reminder service failed on such periods with an unrepresentable-DateTime error.
        var huge = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Sync.SetScheduleAsync(id, TimeSpan.FromDays(3_000_000)));
        Assert.Equal("interval", huge.Field);
        Assert.Contains("30", huge.Reason, StringComparison.Ordinal);
        Assert.False((await Catalog.Sync.GetScheduleAsync(id)).Enabled);

        var month = await Catalog.Sync.SetScheduleAsync(id, SyncSchedule.MaximumInterval);
        Assert.Equal(TimeSpan.FromDays(30), month.Interval);
        await Catalog.Sync.RemoveScheduleAsync(id);
    }

    [Fact]
    public async Task A_schedule_runs_syncs_from_a_reminder_until_it_is_removed()
    {
        var id = await ArrangeAsync(["r-1"], [("r-1", 1m, 2m)]);
        var schedule = await Catalog.Sync.SetScheduleAsync(id, TimeSpan.FromSeconds(1));
        Assert.True(schedule.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.Interval);

        var outcome = await Eventually.ValueAsync(
            () => Catalog.Sync.GetLastOutcomeAsync(id),
            o => o?.Trigger == "schedule",
            TimeSpan.FromSeconds(30));
        Assert.Contains(outcome!.Status, new[] { SyncStatus.Applied, SyncStatus.NoChanges });
        Assert.NotNull(await Catalog.Models.FindAsync(id, "r-1"));
        Assert.Contains(await Catalog.Sync.ListSchedulesAsync(), s => s.ProviderId == id && s.Enabled);

        var removed = await Catalog.Sync.RemoveScheduleAsync(id);
        Assert.False(removed.Enabled);
        Assert.True(removed.LastOutcome!.StartedAt >= outcome.StartedAt);
        Assert.DoesNotContain(await Catalog.Sync.ListSchedulesAsync(), s => s.ProviderId == id && s.Enabled);
    }
}
