namespace Starmap.Grains.Tests;

/// <summary>
/// Starmap's TestConcurrentCatalogAccess done properly: many writers and readers at once, on one
/// provider and across providers, through two silos.
/// </summary>
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_writers_on_one_provider_lose_no_update()
    {
        var id = TestData.UniqueId("conc-one");
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        var created = await grain.SetAsync(Samples.Provider(id));

        const int writers = 60;
        var results = await Task.WhenAll(Enumerable.Range(0, writers)
            .Select(i => grain.SetModelAsync(Samples.Offering(id, $"model-{i:D3}", input: i))));

        var models = await grain.ListModelsAsync();
        Assert.Equal(writers, models.Count);
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal(i, models[i].Pricing!.Tokens!.Input);
        }
        // Each write was its own turn: versions are exactly created+1 .. created+N, with no duplicates.
        Assert.Equal(
            Enumerable.Range(1, writers).Select(n => created.Version + n),
            results.Select(r => r.Version).Order());
        Assert.All(results, r => Assert.True(r.Changed));
    }

    [Fact]
    public async Task Readers_during_concurrent_replacements_always_see_one_whole_state()
    {
        var id = TestData.UniqueId("conc-whole");
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        await grain.SetAsync(Samples.Provider(id));

        const int batches = 25;
        const int perBatch = 8;
        var writes = Enumerable.Range(1, batches).Select(batch =>
            grain.ReplaceAsync(
                Samples.Provider(id, name: $"batch {batch}"),
                Enumerable.Range(0, perBatch).Select(i => Samples.Offering(id, $"m{i}", input: batch)).ToEquatableArray(),
                expectedVersion: null)).ToList();

        var torn = new List<string>();
        var reads = 0;
        while (!writes.All(w => w.IsCompleted) || reads < 20)
        {
            var details = await grain.GetAsync();
            var fromCatalog = (await fixture.Catalog.Models.QueryAsync(new ModelQuery { Providers = [id], Limit = 1000 })).Items;
            reads++;
            CheckWhole(details!.Provider.Name, details.Offerings.Select(o => o.Pricing!.Tokens!.Input), torn, "grain");
            if (fromCatalog.Count > 0)
            {
                Assert.Equal(perBatch, fromCatalog.Count);
                CheckWhole(null, fromCatalog.Select(m => m.InputPrice), torn, "catalog");
            }
        }
        await Task.WhenAll(writes);
        Assert.Empty(torn);
    }

    private static void CheckWhole(string? providerName, IEnumerable<decimal?> prices, List<string> torn, string where)
    {
        var distinct = prices.Distinct().ToList();
        if (distinct.Count > 1)
        {
            torn.Add($"{where}: offerings from batches {string.Join(",", distinct)}");
        }
        else if (providerName is not null && distinct.Count == 1 && providerName != $"batch {distinct[0]}")
        {
            torn.Add($"{where}: provider record '{providerName}' with offerings of batch {distinct[0]}");
        }
    }

    [Fact]
    public async Task Generation_never_goes_backwards_while_many_providers_are_written()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => TestData.UniqueId("conc-gen")).ToList();
        var start = (await fixture.Catalog.GetStatusAsync()).Generation;

        var created = await Task.WhenAll(ids.Select(id => fixture.Client.GetGrain<IProviderGrain>(id).SetAsync(Samples.Provider(id))));
        var writes = ids.SelectMany(id => Enumerable.Range(0, 5).Select(n =>
            fixture.Client.GetGrain<IProviderGrain>(id).SetModelAsync(Samples.Offering(id, $"m{n}")))).ToList();

        var observed = new List<long>();
        while (!writes.All(w => w.IsCompleted))
        {
            observed.Add((await fixture.Catalog.GetStatusAsync()).Generation);
            observed.Add((await fixture.Catalog.Models.QueryAsync(new ModelQuery { Limit = 1 })).Generation);
        }
        var results = created.Concat(await Task.WhenAll(writes)).ToList();
        observed.Add((await fixture.Catalog.GetStatusAsync()).Generation);

        // Status and query answers come from the same registry: each answer is at least the previous one.
        for (var i = 1; i < observed.Count; i++)
        {
            Assert.True(observed[i] >= observed[i - 1], $"generation went from {observed[i - 1]} back to {observed[i]}");
        }
        // Every changing write got its own generation, all after the start.
        var generations = results.Select(r => r.Generation).ToList();
        Assert.Equal(generations.Count, generations.Distinct().Count());
        Assert.All(generations, g => Assert.True(g > start));
        Assert.True(observed[^1] >= generations.Max());
    }

    [Fact]
    public async Task A_write_is_visible_in_catalog_reads_at_the_generation_it_returned()
    {
        var id = TestData.UniqueId("ryw");
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        await grain.SetAsync(Samples.Provider(id));
        var write = await grain.SetModelAsync(Samples.Offering(id, "fresh/model"));

        var page = await fixture.Catalog.Models.QueryAsync(new ModelQuery { Providers = [id], MinGeneration = write.Generation });
        Assert.True(page.Generation >= write.Generation);
        Assert.Equal("fresh/model", Assert.Single(page.Items).ModelId);
    }
}
