using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// Through the grains against a replayed models.dev and provider list: a model no author mapping names
/// is served with its release date and open weights, and a price component models.dev omits survives.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class SyncFactsTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    private async Task<string> ArrangeAsync(string[] listed, (string, decimal, decimal)[] modelsDev)
    {
        var id = TestData.UniqueId("facts");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList(listed)));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, modelsDev)));
        fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        await Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));
        return id;
    }

    [Fact]
    public async Task A_synced_model_no_author_mapping_names_answers_released_after_and_open_weights()
    {
        var id = await ArrangeAsync(["m-1", "m-2"], [("m-1", 1m, 2m), ("m-2", 3m, 4m)]);

        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.SyncAsync(id)).Status);

        var model = await Catalog.Models.GetAsync(id, "m-1");
        Assert.Null(model.Definition);
        Assert.Equal(new DateOnly(2025, 1, 15), model.ReleaseDate);
        Assert.True(model.OpenWeights);
        var released = await Catalog.Models.QueryAsync(new ModelQuery { Providers = [id], ReleasedAfter = new DateOnly(2025, 1, 1), OpenWeights = true });
        Assert.Equal(["m-1", "m-2"], released.Items.Select(m => m.ModelId));
        Assert.Contains(model.Offering.Provenance, p => p.Path == "metadata.release_date" && p.Source == SourceIds.ModelsDev);
    }

    [Fact]
    public async Task A_sync_keeps_the_cache_read_price_and_the_tier_models_dev_does_not_state()
    {
        var id = await ArrangeAsync(["m-1"], [("m-1", 1m, 2m)]);
        var tier = new PricingTier { Name = "long-context", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 2m, Output = 4m } };
        await Catalog.Providers.SetModelAsync(id, new Offering
        {
            ProviderId = id,
            ModelId = "m-1",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1.5m, Output = 2m, CacheRead = 0.15m }, Tiers = [tier] },
        });

        var result = await Catalog.Sync.SyncAsync(id);

        Assert.Equal(SyncStatus.Applied, result.Status);
        var pricing = (await Catalog.Models.GetAsync(id, "m-1")).Offering.Pricing!;
        Assert.Equal(new TokenPrices { Input = 1m, Output = 2m, CacheRead = 0.15m }, pricing.Tokens);
        Assert.Equal([tier], pricing.Tiers);
        var changed = Assert.Single(result.Changes.UpdatedOfferings).Fields;
        Assert.Contains(changed, f => f.Path == "pricing.tokens.input" && f.New == "1" && f.Source == SourceIds.ModelsDev);
        Assert.DoesNotContain(changed, f => f.Path.StartsWith("pricing.", StringComparison.Ordinal) && f.New is null);
    }
}
