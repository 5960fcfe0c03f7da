using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Starmap.Catalog.Seed;
using Starmap.Grains.Catalog;
using Starmap.Grains.State;

namespace Starmap.Grains.Tests;

/// <summary>
/// The seeder run inside a silo stores every provider in one batched SQLite write: the stored state is the
/// one the provider grains would have stored, a restart reads it back, and a batch that finds providers
/// already stored (a run cut short) leaves the seeding to the grains, so no half-seeded catalog is ever marked seeded.
/// </summary>
public sealed class SeedBatchTests : IAsyncLifetime
{
    private readonly string _batchedDirectory = TestData.NewDirectory("seed-batched");
    private readonly string _grainDirectory = TestData.NewDirectory("seed-grains");
    private readonly List<InProcessTestCluster> _clusters = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters.ToList())
        {
            await StopAsync(cluster);
        }
        TestData.Delete(_batchedDirectory);
        TestData.Delete(_grainDirectory);
    }

    private async Task<InProcessTestCluster> StartAsync(string directory)
    {
        var cluster = TestClusters.Create(directory, silos: 1);
        await cluster.DeployAsync();
        _clusters.Add(cluster);
        return cluster;
    }

    private async Task StopAsync(InProcessTestCluster cluster)
    {
        _clusters.Remove(cluster);
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private static Task<string?> SeedInSiloAsync(InProcessTestCluster cluster, SeedTimings timings) =>
        CatalogSeeder.SeedIfEmptyAsync(cluster.Client, timings, cluster.Silos[0].ServiceProvider, TestContext.Current.CancellationToken);

    private static async Task<Dictionary<string, ProviderDetails>> StoredProvidersAsync(InProcessTestCluster cluster, BuiltInCatalog seed)
    {
        var stored = new Dictionary<string, ProviderDetails>(StringComparer.Ordinal);
        foreach (var provider in seed.Providers)
        {
            // Through the provider grain: what it read from storage when it activated.
            stored[provider.Provider.Id] = (await cluster.Client.GetGrain<IProviderGrain>(provider.Provider.Id).GetAsync())!;
        }
        return stored;
    }

    // Offerings the seed states no times for are stamped with the clock of the write; both paths stamp them
    // alike (first seen and updated at that moment), which is compared apart from the moment itself.
    private static ProviderDetails WithoutWriteTimes(ProviderDetails details, BuiltInCatalog seed)
    {
        var unstamped = seed.Providers.Single(p => p.Provider.Id == details.Provider.Id).Offerings
            .Where(o => o.CreatedAt is null && o.UpdatedAt is null).Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
        foreach (var offering in details.Offerings.Where(o => unstamped.Contains(o.ModelId)))
        {
            Assert.NotNull(offering.CreatedAt);
            Assert.Equal(offering.CreatedAt, offering.UpdatedAt);
        }
        return details with
        {
            Offerings = details.Offerings.Select(o => unstamped.Contains(o.ModelId) ? o with { CreatedAt = null, UpdatedAt = null } : o).ToEquatableArray(),
        };
    }

    [Fact]
    public async Task Seeding_in_a_silo_stores_the_providers_in_one_write_as_their_grains_would_and_a_restart_reads_them_back()
    {
        var seed = BuiltInCatalog.Load();

        // Through each provider grain (the seeder called from a client, as before).
        var throughGrains = await StartAsync(_grainDirectory);
        var grainTimings = new SeedTimings();
        Assert.NotNull(await CatalogSeeder.SeedIfEmptyAsync(throughGrains.Client, grainTimings, TestContext.Current.CancellationToken));
        Assert.False(grainTimings.ProvidersInOneWrite);
        var expected = await StoredProvidersAsync(throughGrains, seed);
        var expectedStatus = await throughGrains.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync();
        await StopAsync(throughGrains);

        // In the silo: one batched write.
        var batched = await StartAsync(_batchedDirectory);
        var timings = new SeedTimings();
        Assert.Equal(seed.Version, await SeedInSiloAsync(batched, timings));
        Assert.True(timings.ProvidersInOneWrite);
        var status = await batched.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync();
        Assert.Equal((expectedStatus.Providers, expectedStatus.Offerings, expectedStatus.Generation, expectedStatus.SeedVersion),
            (status.Providers, status.Offerings, status.Generation, status.SeedVersion));
        var actual = await StoredProvidersAsync(batched, seed);
        foreach (var (id, details) in expected)
        {
            Assert.Equal(1, actual[id].Version);
            Assert.Equal(WithoutWriteTimes(details, seed), WithoutWriteTimes(actual[id], seed));
        }

        // A restart reads the same state back from the file, and does not seed again.
        await StopAsync(batched);
        batched = await StartAsync(_batchedDirectory);
        Assert.Null(await SeedInSiloAsync(batched, new SeedTimings()));
        var reread = await StoredProvidersAsync(batched, seed);
        Assert.Equal(actual, reread);
        var restarted = await batched.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync();
        Assert.Equal((status.Providers, status.Offerings, status.Generation), (restarted.Providers, restarted.Offerings, restarted.Generation));
    }

    [Fact]
    public async Task A_seed_cut_short_after_its_batched_write_is_not_taken_as_seeded_and_the_next_start_completes_it_through_the_grains()
    {
        var seed = BuiltInCatalog.Load();
        var cluster = await StartAsync(_batchedDirectory);
        // What a run stopped after its batch but before the publish and the seed mark leaves: stored
        // providers (here one, with an offering the seed does not have) the catalog does not know of.
        var loader = cluster.Silos[0].ServiceProvider.GetRequiredService<CatalogStateLoader>();
        var half = new ProviderState
        {
            Provider = new Provider { Id = "openai", Name = "Half" },
            Offerings = [Samples.Offering("openai", "half-seeded")],
            Version = 1,
        };
        Assert.True(await loader.TryAddProvidersAsync([half], TestContext.Current.CancellationToken));
        var registry = cluster.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);
        Assert.Null((await registry.GetStatusAsync()).SeedVersion);
        await StopAsync(cluster);

        cluster = await StartAsync(_batchedDirectory);
        registry = cluster.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);
        Assert.Null((await registry.GetStatusAsync()).SeedVersion);
        var timings = new SeedTimings();
        Assert.Equal(seed.Version, await SeedInSiloAsync(cluster, timings));
        // The batch found openai stored and wrote nothing; the grains then replaced and stored every provider.
        Assert.False(timings.ProvidersInOneWrite);
        var status = await registry.GetStatusAsync();
        Assert.Equal(seed.Version, status.SeedVersion);
        Assert.Equal(seed.Providers.Count, status.Providers);
        Assert.Equal(seed.Providers.Sum(p => p.Offerings.Count), status.Offerings);
        var openai = await cluster.Client.GetGrain<IProviderGrain>("openai").GetAsync();
        Assert.Equal(seed.Providers.Single(p => p.Provider.Id == "openai").Provider, openai!.Provider);
        Assert.DoesNotContain(openai.Offerings, o => o.ModelId == "half-seeded");
    }
}
