using Microsoft.Extensions.DependencyInjection;
using Starmap.Catalog.Seed;
using Starmap.Grains.Catalog;
using Starmap.Grains.Providers;
using Starmap.Grains.State;

namespace Starmap.Grains;

/// <summary>Writes the built-in catalog into an empty store, once.</summary>
public static class CatalogSeeder
{
    /// <summary>
    /// Seeds when the store has never been seeded and holds nothing; returns the seed version, or null
    /// when it left the store alone. A run cut short is redone whole on the next start, because the
    /// seed mark is written last (a provider stored but not yet published is replaced and published then).
    /// </summary>
    public static Task<string?> SeedIfEmptyAsync(IGrainFactory grains, CancellationToken cancellationToken = default) =>
        SeedIfEmptyAsync(grains, new SeedTimings(), cancellationToken);

    /// <summary>As <see cref="SeedIfEmptyAsync(IGrainFactory, CancellationToken)"/>, noting where the time went in <paramref name="timings"/>.</summary>
    public static Task<string?> SeedIfEmptyAsync(IGrainFactory grains, SeedTimings timings, CancellationToken cancellationToken = default) =>
        SeedIfEmptyAsync(grains, timings, siloServices: null, cancellationToken);

    /// <summary>
    /// As <see cref="SeedIfEmptyAsync(IGrainFactory, SeedTimings, CancellationToken)"/>, run inside a silo: with
    /// its <paramref name="siloServices"/>, the providers go to storage in one batched write when the storage
    /// can (SQLite) instead of one write per provider grain.
    /// </summary>
    public static async Task<string?> SeedIfEmptyAsync(IGrainFactory grains, SeedTimings timings, IServiceProvider? siloServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var registry = grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);
        var status = await registry.GetStatusAsync();
        if (status.SeedVersion is not null)
        {
            BuiltInCatalogPreload.Forget();
            return null;
        }
        // Started while the silo came up when the store looked new (SiloStartup), else read now.
        var seed = await BuiltInCatalogPreload.TakeAsync();
        timings.ReadDone();
        // The seed is where the change log starts, not a change (ChangeRecorder).
        RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Seed);
        try
        {
            await StoreAsync(grains, registry, seed, timings, siloServices, cancellationToken);
        }
        finally
        {
            RequestContext.Remove(ChangeOrigins.RequestContextKey);
        }
        return seed.Version;
    }

    private static async Task StoreAsync(IGrainFactory grains, ICatalogRegistryGrain registry, BuiltInCatalog seed, SeedTimings timings, IServiceProvider? siloServices, CancellationToken cancellationToken)
    {
        foreach (var author in seed.Authors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await grains.GetGrain<IAuthorGrain>(author.Author.Id).ReplaceAsync(author.Author, author.Definitions, expectedVersion: null);
        }
        timings.AuthorsDone();
        // Providers are stored first and published as one generation: published one at a time, each publish
        // rebuilt the whole catalog, which for the 175 providers of the generated seed took many seconds.
        // Stored one after another: SQLite takes one writer at a time, and 175 waiting at once outlast its
        // busy timeout on a loaded machine.
        var stored = await StoreInOneWriteAsync(seed, siloServices, cancellationToken);
        timings.ProvidersInOneWrite = stored is not null;
        if (stored is null)
        {
            stored = new List<ProviderDetails>(seed.Providers.Count);
            foreach (var provider in seed.Providers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stored.Add(await grains.GetGrain<IProviderGrain>(provider.Provider.Id).StoreUnpublishedAsync(provider.Provider, provider.Offerings));
            }
        }
        timings.ProvidersDone();
        await registry.PublishProvidersAsync(stored.ToEquatableArray());
        await registry.MarkSeededAsync(seed.Version);
        timings.PublishDone();
    }

    /// <summary>
    /// Every provider's first state, built as its grain would build it (ProviderGrain.Replaced, version 1)
    /// and stored in one transaction: one flush instead of one per provider, and no provider grain activated. Null when
    /// this is not run in a silo, the storage cannot batch (Redis), or a provider already has a record (a run
    /// cut short after storing, or someone wrote first): the caller then writes through each grain, whose
    /// ETag guards the record, as before. All or nothing, so a crash leaves no half of a batch behind.
    /// </summary>
    private static async Task<List<ProviderDetails>?> StoreInOneWriteAsync(BuiltInCatalog seed, IServiceProvider? siloServices, CancellationToken cancellationToken)
    {
        if (siloServices?.GetService<CatalogStateLoader>() is not { } loader)
        {
            return null;
        }
        var now = (siloServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var states = seed.Providers
            .Select(p => ProviderGrain.Replaced(new ProviderState(), p.Provider.Id, p.Provider, p.Offerings, now) with { Version = 1 })
            .ToList();
        return await loader.TryAddProvidersAsync(states, cancellationToken) ? states.ConvertAll(s => s.ToDetails()!) : null;
    }
}
