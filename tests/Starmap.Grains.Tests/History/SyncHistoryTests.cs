using Microsoft.Extensions.DependencyInjection;
using Starmap.Grains.Tests.Sync;
using Starmap.Testing;

namespace Starmap.Grains.Tests.History;

/// <summary>
/// A provider's price changed by real syncs (a loopback server replaying its model list and models.dev),
/// then read at points before and after, compared across the sync, and the bad sync rolled back.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class SyncHistoryTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    private IChangeLogStore Log => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IChangeLogStore>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A provider synced once at input 1, output 2 (the good sync), then at 30, 40 (the bad one).</summary>
    private async Task<(string Id, SyncResult Good, DateTimeOffset BetweenSyncs, SyncResult Bad, DateTimeOffset AfterBad)> ArrangeAsync()
    {
        var id = TestData.UniqueId("hist");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList("m1")));
        fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        await Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));

        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, ("m1", 1m, 2m))));
        var good = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Applied, good.Status);
        var between = await PastAsync();

        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, ("m1", 30m, 40m))));
        var bad = await Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Applied, bad.Status);
        return (id, good, between, bad, await PastAsync());
    }

    // The log keeps times to the millisecond: a time taken now is at or after every publish so far once the clock moved on.
    private static async Task<DateTimeOffset> PastAsync()
    {
        var now = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= now.ToUnixTimeMilliseconds() + 1)
        {
            await Task.Yield();
        }
        return now;
    }

    [Fact]
    public async Task A_price_changed_by_a_sync_reads_as_it_was_at_a_time_before_and_after_the_sync()
    {
        var (id, good, between, bad, after) = await ArrangeAsync();

        var before = await Catalog.History.GetModelAsync(id, "m1", CatalogPoint.OfTime(between));
        var later = await Catalog.History.GetModelAsync(id, "m1", CatalogPoint.OfTime(after));
        var atGeneration = await Catalog.History.GetModelAsync(id, "m1", CatalogPoint.OfGeneration(good.Generation!.Value));

        Assert.Equal((1m, 2m), (before.InputPrice, before.OutputPrice));
        Assert.Equal((30m, 40m), (later.InputPrice, later.OutputPrice));
        Assert.Equal((1m, 2m), (atGeneration.InputPrice, atGeneration.OutputPrice));
        Assert.Equal((30m, 40m), ((await Catalog.Models.GetAsync(id, "m1")).InputPrice, (await Catalog.Models.GetAsync(id, "m1")).OutputPrice));
        Assert.Equal(good.Generation, await Catalog.History.ResolveAsync(CatalogPoint.OfTime(between)));
        Assert.True(bad.Generation > good.Generation);
    }

    [Fact]
    public async Task A_query_at_a_generation_answers_as_the_catalog_was_then_and_names_that_generation()
    {
        var (id, good, _, _, _) = await ArrangeAsync();

        var page = await Catalog.History.QueryModelsAsync(new ModelQuery { Providers = [id], MaxInputPrice = 5m }, CatalogPoint.OfGeneration(good.Generation!.Value));
        var now = await Catalog.Models.QueryAsync(new ModelQuery { Providers = [id], MaxInputPrice = 5m });

        Assert.Equal(good.Generation, page.Generation);
        Assert.Equal(["m1"], page.Items.Select(m => m.Offering.ModelId));
        Assert.Empty(now.Items);
    }

    [Fact]
    public async Task The_price_history_lists_the_sync_that_changed_the_price_with_its_time_origin_source_and_pricing()
    {
        var (id, good, _, bad, _) = await ArrangeAsync();

        var history = await Catalog.History.GetPriceHistoryAsync(id, "m1");

        Assert.Equal([good.Generation!.Value, bad.Generation!.Value], history.Items.Select(i => i.Generation));
        // Both pricings came from syncs, and the log says so.
        Assert.All(history.Items, i => Assert.Equal(ChangeOrigins.Sync, i.Origin));
        var added = history.Items[0];
        Assert.Equal(1m, added.Pricing!.Tokens!.Input!.Value);
        var repriced = history.Items[1];
        Assert.Equal((SourceIds.ModelsDev, 30m, 40m), (repriced.Source, repriced.Pricing!.Tokens!.Input!.Value, repriced.Pricing.Tokens.Output!.Value));
        Assert.Contains(repriced.Changes, c => (c.Path, c.Old, c.New) == ("pricing.tokens.input", "1", "30"));
        Assert.NotNull(repriced.At);
    }

    [Fact]
    public async Task Comparing_across_the_sync_shows_the_changed_prices_summarised_for_the_provider()
    {
        var (id, good, _, bad, _) = await ArrangeAsync();

        var comparison = await Catalog.History.CompareAsync(CatalogPoint.OfGeneration(good.Generation!.Value), CatalogPoint.OfGeneration(bad.Generation!.Value));

        var provider = Assert.Single(comparison.Providers);
        Assert.Equal((id, "changed", 0, 0, 1), (provider.Provider, provider.Kind, provider.Added, provider.Removed, provider.Changed));
        var model = Assert.Single(provider.Models);
        Assert.Equal(("m1", "changed"), (model.Model, model.Kind));
        Assert.Contains(model.Fields, f => (f.Path, f.Old, f.New) == ("pricing.tokens.input", "1", "30"));
        Assert.Contains(model.Fields, f => (f.Path, f.Old, f.New) == ("pricing.tokens.output", "2", "40"));
    }

    [Fact]
    public async Task Rolling_back_a_bad_sync_restores_the_old_prices_and_the_change_log_shows_the_restore()
    {
        var (id, good, _, bad, _) = await ArrangeAsync();

        var dry = await Catalog.History.RestoreProviderAsync(id, CatalogPoint.OfGeneration(good.Generation!.Value), dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Contains(Assert.Single(dry.Changes.UpdatedOfferings).Fields, f => (f.Path, f.Old, f.New) == ("pricing.tokens.input", "30", "1"));
        Assert.Equal(30m, (await Catalog.Models.GetAsync(id, "m1")).InputPrice);

        var synced = await Log.QueryAsync(new ChangeQuery { Provider = id, SinceGeneration = good.Generation - 1, UntilGeneration = bad.Generation }, Cancel);
        Assert.NotEmpty(synced.Items);
        Assert.All(synced.Items, c => Assert.Equal(ChangeOrigins.Sync, c.Origin));

        var restored = await Catalog.History.RestoreProviderAsync(id, CatalogPoint.OfGeneration(good.Generation!.Value));

        Assert.False(restored.DryRun);
        Assert.True(restored.Generation > bad.Generation);
        Assert.Equal((1m, 2m), ((await Catalog.Models.GetAsync(id, "m1")).InputPrice, (await Catalog.Models.GetAsync(id, "m1")).OutputPrice));
        var logged = await Log.QueryAsync(new ChangeQuery { Provider = id, SinceGeneration = bad.Generation, Field = "pricing" }, Cancel);
        Assert.All(logged.Items, c => Assert.Equal((ChangeOrigins.Restore, restored.Generation), (c.Origin, c.Generation)));
        Assert.Contains(logged.Items, c => (c.Path, c.Old, c.New) == ("pricing.tokens.input", "30", "1"));
        var history = await Catalog.History.GetPriceHistoryAsync(id, "m1");
        Assert.Equal((ChangeOrigins.Restore, 1m), (history.Items[^1].Origin, history.Items[^1].Pricing!.Tokens!.Input!.Value));
    }
}
