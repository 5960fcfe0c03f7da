using Starmap.Catalog;

namespace Starmap.Grains;

/// <summary>Writes the built-in catalog into an empty store, once.</summary>
public static class CatalogSeeder
{
    /// <summary>
    /// Seeds when the store has never been seeded and holds nothing; returns the seed version, or null
    /// when it left the store alone. A run cut short is redone whole on the next start, because the
    /// seed mark is written last (a provider stored but not yet published is replaced and published then).
    /// </summary>
    public static async Task<string?> SeedIfEmptyAsync(IGrainFactory grains, CancellationToken cancellationToken = default)
    {
        var registry = grains.GetGrain<ICatalogGrain>(CatalogKeys.Default);
        var status = await registry.GetStatusAsync();
        if (status.SeedVersion is not null)
        {
            return null;
        }
        var seed = BuiltInCatalog.Load();
        foreach (var author in seed.Authors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await grains.GetGrain<IAuthorGrain>(author.Author.Id).ReplaceAsync(author.Author, author.Definitions, expectedVersion: null);
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Providers are stored side by side and published as one generation: one at a time, each publish
        // rebuilt the whole catalog, which for the 175 providers of the generated seed took many seconds.
        var stored = await Task.WhenAll(seed.Providers.Select(p =>
            grains.GetGrain<IProviderGrain>(p.Provider.Id).StoreUnpublishedAsync(p.Provider, p.Offerings)));
        cancellationToken.ThrowIfCancellationRequested();
        await registry.PublishProvidersAsync(stored.ToEquatableArray());
        await registry.MarkSeededAsync(seed.Version);
        return seed.Version;
    }
}
