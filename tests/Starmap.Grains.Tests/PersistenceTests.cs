using Starmap.Catalog.Seed;
using Orleans.TestingHost;

namespace Starmap.Grains.Tests;

/// <summary>Stopping every silo and starting new ones on the same SQLite folder loses nothing.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestData.NewDirectory("restart");
    private InProcessTestCluster? _cluster;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TestData.Delete(_dataDirectory);
    }

    private async Task<StarmapCatalog> StartAsync()
    {
        _cluster = TestClusters.Create(_dataDirectory, silos: 1);
        await _cluster.DeployAsync();
        return new StarmapCatalog(_cluster.Client);
    }

    private async Task StopAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    [Fact]
    public async Task Providers_authors_offerings_and_the_generation_survive_a_full_restart()
    {
        var catalog = await StartAsync();
        await catalog.SetAuthorAsync(Samples.Author("persist-author"));
        await catalog.Authors.SetModelAsync(Samples.Definition("persist-author", "m-1"));
        await catalog.SetProviderAsync(Samples.Provider("persist-provider"));
        await catalog.Providers.SetModelAsync("persist-provider", Samples.Offering("persist-provider", "org/m-1@v1") with { DefinitionId = "persist-author/m-1" });
        await catalog.SetProviderAsync(Samples.Provider("persist-gone"));
        var last = await catalog.Providers.DeleteAsync("persist-gone");
        var before = await catalog.GetStatusAsync();
        var modelsBefore = await catalog.Models.ListAsync();
        var providerBefore = await catalog.Providers.GetAsync("persist-provider");
        await StopAsync();

        catalog = await StartAsync();
        var after = await catalog.GetStatusAsync();
        Assert.True(after.Generation >= before.Generation, $"generation went back from {before.Generation} to {after.Generation}");
        Assert.True(after.Generation >= last.Generation);
        Assert.Equal(before.Providers, after.Providers);
        Assert.Equal(before.Offerings, after.Offerings);
        Assert.Equal(modelsBefore.Items, (await catalog.Models.ListAsync()).Items);
        Assert.Equal(providerBefore, await catalog.Providers.GetAsync("persist-provider"));
        Assert.Equal("persist-author/m-1", (await catalog.Models.GetAsync("persist-provider", "org/m-1@v1")).Definition!.Id);
        Assert.Null(await catalog.Providers.FindAsync("persist-gone"));

        // Versions continue where they were, so the catalog accepts the next write.
        var next = await catalog.Providers.SetModelAsync("persist-provider", Samples.Offering("persist-provider", "after-restart"));
        Assert.Equal(providerBefore.Version + 1, next.Version);
        Assert.True(next.Generation > after.Generation);
    }

    [Fact]
    public async Task The_built_in_catalog_seeds_an_empty_store_once_and_later_starts_keep_user_changes()
    {
        var catalog = await StartAsync();
        var seeded = await CatalogSeeder.SeedIfEmptyAsync(_cluster!.Client, TestContext.Current.CancellationToken);
        Assert.NotNull(seeded);
        var status = await catalog.GetStatusAsync();
        Assert.Equal(seeded, status.SeedVersion);
        var seed = BuiltInCatalog.Load();
        Assert.Equal(seed.Providers.Count, status.Providers);
        Assert.Equal(seed.Providers.Sum(p => p.Offerings.Count), status.Offerings);
        Assert.True(status.Offerings >= 5_000, $"{status.Offerings} offerings");
        // Stored side by side, published as one generation after the authors' (one each).
        Assert.Equal(seed.Authors.Count + 1, status.Generation);

        var openai = await catalog.Providers.GetAsync("openai");
        var removed = openai.Offerings[0].ModelId;
        await catalog.Providers.DeleteModelAsync("openai", removed);
        await StopAsync();

        catalog = await StartAsync();
        Assert.Null(await CatalogSeeder.SeedIfEmptyAsync(_cluster!.Client, TestContext.Current.CancellationToken));
        Assert.Null(await catalog.Models.FindAsync("openai", removed));
        Assert.Equal(status.Offerings - 1, (await catalog.GetStatusAsync()).Offerings);
    }

    [Fact]
    public async Task A_seed_cut_short_after_storing_a_provider_is_redone_whole_on_the_next_start()
    {
        var catalog = await StartAsync();
        // What a run stopped between storing providers and publishing them leaves: a stored, unpublished
        // provider, and no seed mark.
        var stray = Samples.Offering("openai", "half-seeded");
        await _cluster!.Client.GetGrain<IProviderGrain>("openai").StoreUnpublishedAsync(new Provider { Id = "openai", Name = "Half" }, [stray]);
        Assert.Equal(0, (await catalog.GetStatusAsync()).Providers);
        await StopAsync();

        catalog = await StartAsync();
        Assert.NotNull(await CatalogSeeder.SeedIfEmptyAsync(_cluster!.Client, TestContext.Current.CancellationToken));
        var seed = BuiltInCatalog.Load();
        var openai = await catalog.Providers.GetAsync("openai");
        Assert.Equal(seed.Providers.Single(p => p.Provider.Id == "openai").Provider, openai.Provider);
        Assert.DoesNotContain(openai.Offerings, o => o.ModelId == "half-seeded");
        Assert.Equal(seed.Providers.Sum(p => p.Offerings.Count), (await catalog.GetStatusAsync()).Offerings);
    }
}
