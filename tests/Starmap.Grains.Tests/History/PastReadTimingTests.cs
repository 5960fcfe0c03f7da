using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Starmap.Grains;
using Starmap.Grains.History;

namespace Starmap.Grains.Tests.History;

/// <summary>
/// A read at a past generation of the full built-in catalog (~5,900 offerings) after 100 published changes
/// answers in milliseconds: the rebuild undoes only what changed and shares the rest. Figures go to the test
/// output (docs/benchmarks.md, issue 12); the bounds asserted are loose, for a loaded 2-core machine.
/// </summary>
public sealed class PastReadTimingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Changes = 100;
    private readonly string _data = TestData.NewDirectory("past-read");
    private Orleans.TestingHost.InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = TestClusters.Create(_data, silos: 1);
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        TestData.Delete(_data);
    }

    [Fact]
    public async Task The_full_catalog_at_a_generation_100_changes_back_is_rebuilt_and_queried_in_milliseconds()
    {
        await CatalogSeeder.SeedIfEmptyAsync(_cluster.Client, TestContext.Current.CancellationToken);
        var catalog = new StarmapCatalog(_cluster.Client);
        var start = (await catalog.GetStatusAsync()).Generation;
        var models = (await catalog.Models.ListAsync()).Items;
        Assert.True(models.Count > 5000, $"the built-in catalog has {models.Count} offerings");
        // 100 price changes spread over the catalog: one publish (generation) each.
        var step = models.Count / Changes;
        for (var i = 0; i < Changes; i++)
        {
            var offering = models[i * step].Offering;
            await catalog.Providers.SetModelAsync(offering.ProviderId, offering with
            {
                Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1000m + i, Output = 2000m + i } },
            });
        }
        var history = _cluster.Silos[0].ServiceProvider.GetRequiredService<CatalogHistory>();
        var newest = (await catalog.GetStatusAsync()).Generation;
        Assert.Equal(start + Changes, newest);

        var rebuild = Stopwatch.StartNew();
        var past = await history.AtAsync(start);
        rebuild.Stop();
        var firstQuery = Stopwatch.StartNew();
        var page = past.Query(new ModelQuery { MaxInputPrice = 10m, Limit = 50 });
        firstQuery.Stop();
        var cached = Stopwatch.StartNew();
        await history.AtAsync(start);
        cached.Stop();
        var middle = Stopwatch.StartNew();
        await history.AtAsync(start + Changes / 2);
        middle.Stop();
        var endToEnd = Stopwatch.StartNew();
        var point = await catalog.History.GetModelAsync(models[0].Offering.ProviderId, models[0].Offering.ModelId, CatalogPoint.OfGeneration(start + 1));
        endToEnd.Stop();
        var compare = Stopwatch.StartNew();
        var comparison = await catalog.History.CompareAsync(CatalogPoint.OfGeneration(start));
        compare.Stop();

        Assert.Equal(models.Count, past.ModelCount);
        Assert.Equal(models[0].Offering.Pricing, past.FindModel(models[0].Offering.ProviderId, models[0].Offering.ModelId)!.Offering.Pricing);
        Assert.Equal(1000m, point.InputPrice);
        Assert.Equal(Changes, comparison.Changed);
        Assert.NotEmpty(page.Items);
        output.WriteLine($"offerings {models.Count}, changes {Changes}");
        output.WriteLine($"rebuild at {Changes} changes back: {rebuild.Elapsed.TotalMilliseconds:F1} ms; first query on it (index build): {firstQuery.Elapsed.TotalMilliseconds:F1} ms");
        output.WriteLine($"cached: {cached.Elapsed.TotalMilliseconds:F2} ms; rebuild at {Changes / 2} changes back: {middle.Elapsed.TotalMilliseconds:F1} ms");
        output.WriteLine($"model read at a past generation, client to grain: {endToEnd.Elapsed.TotalMilliseconds:F1} ms; compare {Changes} changes: {compare.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(rebuild.Elapsed < TimeSpan.FromSeconds(2), $"rebuild took {rebuild.Elapsed.TotalMilliseconds} ms");
    }
}
