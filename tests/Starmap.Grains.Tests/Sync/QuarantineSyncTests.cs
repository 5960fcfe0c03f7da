using System.Text.Json.Nodes;
using Starmap.Sources.ModelsDev;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>One bad record never rejects its provider: it is kept with the refused field unknown and a note.</summary>
[Collection(SyncCluster.Name)]
public sealed class QuarantineSyncTests(SyncClusterFixture fixture)
{
    private static readonly SyncRequest ModelsDevOnly = new() { Sources = [SourceIds.ModelsDev] };

    private StarmapCatalog Catalog => fixture.Catalog;

    /// <summary>The shipped fixture with its provider renamed to <paramref name="id"/>.</summary>
    private static string BadRecords(string id)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sync", "Fixtures", "models.dev-bad-records.json")))!.AsObject();
        var provider = json["acme"]!;
        json.Remove("acme");
        json[id] = provider;
        return json.ToJsonString();
    }

    private async Task<string> ArrangeAsync(string json, string? alias = null)
    {
        var id = TestData.UniqueId("quarantine");
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(json));
        await Catalog.SetProviderAsync(new Provider { Id = id, Name = "Quarantine " + id, Aliases = alias is null ? [] : [alias] });
        return id;
    }

    [Fact]
    public async Task A_provider_with_bad_records_is_applied_with_every_record_and_each_bad_field_unknown_with_a_note()
    {
        var id = TestData.UniqueId("quarantine");
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(BadRecords(id)));
        await Catalog.SetProviderAsync(new Provider { Id = id, Name = "Quarantine " + id });

        var result = await Catalog.Sync.SyncAsync(id, ModelsDevOnly);

        Assert.Equal(SyncStatus.Applied, result.Status);
        var models = (await Catalog.Providers.GetAsync(id)).Offerings;
        Assert.Equal(["acme-large", "acme-negative", "acme-overflow", "acme-small", "acme-tabbed", "acme-undated"], models.Select(o => o.ModelId));

        var overflow = models.Single(o => o.ModelId == "acme-overflow");
        Assert.Equal(new ModelLimits { ContextWindow = 8192 }, overflow.Limits);
        Assert.Equal(new TokenPrices { Input = 0.5m, Output = 1.5m, CacheRead = 0.05m }, overflow.Pricing!.Tokens);
        var note = Assert.Single(overflow.Quarantine);
        Assert.Equal(("limits.output_tokens", "65536", "must not exceed context_window (8192)", SourceIds.ModelsDev),
            (note.Path, note.Value, note.Reason, note.Source));
        Assert.NotNull(note.ObservedAt);

        var negative = models.Single(o => o.ModelId == "acme-negative");
        Assert.Equal(new TokenPrices { Output = 2m, CacheRead = 0.1m }, negative.Pricing!.Tokens);
        Assert.Equal("pricing.tokens.input", Assert.Single(negative.Quarantine).Path);

        var tabbed = models.Single(o => o.ModelId == "acme-tabbed");
        Assert.Null(tabbed.Name);
        Assert.Equal(("name", "Acme Tabbed\\u0009"), (Assert.Single(tabbed.Quarantine).Path, tabbed.Quarantine[0].Value));

        var undated = models.Single(o => o.ModelId == "acme-undated");
        Assert.Equal(("metadata.release_date", "soon"), (Assert.Single(undated.Quarantine).Path, undated.Quarantine[0].Value));
        Assert.Equal(1m, undated.Pricing!.Tokens!.Input);

        Assert.All(models.Where(o => o.ModelId is "acme-small" or "acme-large"), o => Assert.Empty(o.Quarantine));

        // The changeset shows each note with its model; the record with no usable ID is named by its raw ID.
        Assert.Equal(
            ["acme-negative:pricing.tokens.input", "acme-overflow:limits.output_tokens", "acme-tabbed:name", "acme-undated:metadata.release_date"],
            result.Changes.Quarantined.Select(q => $"{q.ModelId}:{q.Path}"));
        Assert.All(result.Changes.Quarantined, q => Assert.Equal(id, q.ProviderId));
        Assert.Contains(result.Warnings, w => w.Contains("'acme bad\\u0009id'", StringComparison.Ordinal) && w.Contains("no usable ID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_note_is_dropped_when_a_later_sync_gives_a_valid_value_and_the_changeset_says_so()
    {
        var id = TestData.UniqueId("quarantine");
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(BadRecords(id)));
        await Catalog.SetProviderAsync(new Provider { Id = id, Name = "Quarantine " + id });
        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.SyncAsync(id, ModelsDevOnly)).Status);

        var again = await Catalog.Sync.SyncAsync(id, ModelsDevOnly);
        Assert.Equal(SyncStatus.NoChanges, again.Status); // the same refusals are no change

        var fixedJson = JsonNode.Parse(BadRecords(id))!;
        fixedJson[id]!["models"]!["acme-overflow"]!["limit"]!["output"] = 4096;
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(fixedJson.ToJsonString()));
        var repaired = await Catalog.Sync.SyncAsync(id, ModelsDevOnly);

        Assert.Equal(SyncStatus.Applied, repaired.Status);
        Assert.Equal("acme-overflow", Assert.Single(repaired.Changes.Released).ModelId);
        var overflow = await Catalog.Providers.GetModelAsync(id, "acme-overflow");
        Assert.Equal(4096, overflow.Limits!.OutputTokens);
        Assert.Empty(overflow.Quarantine);
    }

    [Fact]
    public async Task A_users_invalid_write_is_still_an_error()
    {
        var id = await ArrangeAsync("{}");
        var bad = new Offering { ProviderId = id, ModelId = "m", Name = "Tab\tname", Limits = new ModelLimits { ContextWindow = 10, OutputTokens = 20 } };

        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.SetModelAsync(id, bad));

        Assert.Contains("name", error.Field, StringComparison.Ordinal);
        Assert.Empty(await Catalog.Providers.ListModelsAsync(id));
    }

    public static TheoryData<string> RejectedBefore => ["groq", "google", "openrouter"];

    [Theory]
    [MemberData(nameof(RejectedBefore))]
    public async Task A_provider_once_rejected_whole_now_syncs_every_model_of_the_shared_snapshot(string modelsDevId)
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var json = await File.ReadAllTextAsync(SharedFixtures.Path("models.dev", "api.json"), TestContext.Current.CancellationToken);
        var source = ModelsDevParser.Parse(json).Providers[modelsDevId];
        var id = await ArrangeAsync(json, alias: modelsDevId);

        var result = await Catalog.Sync.SyncAsync(id, ModelsDevOnly);

        Assert.True(result.Status == SyncStatus.Applied, $"{result.Status}: {result.Reason}");
        var offerings = (await Catalog.Providers.GetAsync(id)).Offerings;
        Assert.Equal(source.Models.Count, offerings.Count);
        Assert.Equal(source.Models.Select(m => m.Id).Order(StringComparer.Ordinal), offerings.Select(o => o.ModelId));
        Assert.Equal(result.Changes.Quarantined.Count, offerings.Sum(o => o.Quarantine.Count));
    }
}
