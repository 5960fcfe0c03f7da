using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// Syncs that outlast the client's response timeout, started in the sync grain and polled to their
/// result; and models.dev asked once, not once per provider, while it is down.
/// </summary>
[Collection(SlowSyncCluster.Name)]
public sealed class SyncRunTests(SlowSyncClusterFixture fixture)
{
    private static readonly TimeSpan SlowerThanTheClientWaits = SlowSyncClusterFixture.ResponseTimeout * 2.5;

    private StarmapCatalog Catalog => fixture.Catalog;

    /// <summary>A keyless provider whose list answers after <paramref name="delay"/>.</summary>
    private async Task<string> SlowProviderAsync(TimeSpan delay, params string[] listed)
    {
        var id = TestData.UniqueId("slow");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList(listed)) with { Delay = delay });
        await Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models"), keyRequired: false));
        return id;
    }

    [Fact]
    public async Task A_sync_longer_than_the_client_response_timeout_still_completes_and_reports_its_result()
    {
        var id = await SlowProviderAsync(SlowerThanTheClientWaits, "slow-1", "slow-2");

        var result = await Catalog.Sync.SyncAsync(id, new SyncRequest { Sources = [SourceIds.ProviderApi] });

        Assert.Equal(SyncStatus.Applied, result.Status);
        Assert.True(result.Duration >= SlowerThanTheClientWaits, $"the sync took {result.Duration}");
        Assert.Equal(["slow-1", "slow-2"], result.Changes.AddedOfferings.Select(c => c.Id));
        Assert.Equal(2, (await Catalog.Providers.GetAsync(id)).Offerings.Count);
        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.GetLastOutcomeAsync(id))!.Status);
    }

    [Fact]
    public async Task A_started_sync_answers_at_once_and_its_run_is_polled_to_the_result()
    {
        var id = await SlowProviderAsync(SlowerThanTheClientWaits, "polled-1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var started = await Catalog.Sync.StartAsync(id, new SyncRequest { Sources = [SourceIds.ProviderApi], Trigger = "test" });
        Assert.True(clock.Elapsed < SlowerThanTheClientWaits, $"starting took {clock.Elapsed}");
        Assert.NotEqual(SyncRunState.Completed, started.State);
        Assert.Null(started.Result);
        Assert.Equal("test", started.Trigger);

        var meanwhile = await Catalog.Sync.GetRunAsync(id, started.RunId);
        Assert.Equal(SyncRunState.Running, meanwhile!.State);

        var result = await Catalog.Sync.WaitAsync(id, started.RunId, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStatus.Applied, result.Status);
        var finished = await Catalog.Sync.GetRunAsync(id, started.RunId);
        Assert.Equal(SyncRunState.Completed, finished!.State);
        Assert.Equal(result, finished.Result);
    }

    [Fact]
    public async Task Starting_never_waits_behind_a_long_sync_that_holds_the_grain()
    {
        var id = await SlowProviderAsync(SlowerThanTheClientWaits, "held-1");
        var grain = fixture.Cluster.Client.GetGrain<IProviderSyncGrain>(id);
        // The old-style call holds the grain's turn for the whole slow sync (the client stops waiting first).
        var holding = grain.SyncAsync(new SyncRequest { Sources = [SourceIds.ProviderApi] });
        await Eventually.ValueAsync(() => Task.FromResult(fixture.Server.RequestsTo($"/{id}/v1/models").Count), c => c > 0, TimeSpan.FromSeconds(30));

        var queued = await Catalog.Sync.StartAsync(id, new SyncRequest { Sources = [SourceIds.ProviderApi] });
        Assert.Equal(SyncRunState.Queued, queued.State);
        var result = await Catalog.Sync.WaitAsync(id, queued.RunId, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStatus.NoChanges, result.Status);   // it ran after the held sync applied
        await Assert.ThrowsAnyAsync<Exception>(() => holding);   // that caller's own call timed out meanwhile
    }

    [Fact]
    public async Task Starting_refuses_unknown_providers_and_sources_and_an_unknown_run_is_not_found()
    {
        var id = await SlowProviderAsync(TimeSpan.Zero, "x-1");
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Sync.StartAsync(TestData.UniqueId("nobody")));
        await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Sync.StartAsync(id, new SyncRequest { Sources = ["carrier-pigeon"] }));

        Assert.Null(await Catalog.Sync.GetRunAsync(id, "no-such-run"));
        var lost = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Sync.WaitAsync(id, "no-such-run", TestContext.Current.CancellationToken));
        Assert.Equal("sync run", lost.Kind);
    }

    [Fact]
    public async Task While_models_dev_is_down_a_sync_of_every_provider_asks_it_once_not_once_per_provider()
    {
        // Several providers, none with a key: only models.dev could supply them.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await SlowProviderAsync(TimeSpan.Zero);
        }
        var before = fixture.Server.RequestsTo(SlowSyncClusterFixture.ModelsDevPath).Count;

        var results = await Catalog.Sync.SyncAllAsync(new SyncRequest { Sources = [SourceIds.ModelsDev] }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(results.Count >= 3, $"{results.Count} providers synced");
        Assert.All(results, r => Assert.Contains(r.Sources, s => s.Source == SourceIds.ModelsDev && s.Status == SourceStatus.Failed));
        Assert.Equal(1, fixture.Server.RequestsTo(SlowSyncClusterFixture.ModelsDevPath).Count - before);
    }
}
