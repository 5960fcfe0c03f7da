using Starmap.Catalog;

namespace Starmap.Grains;

/// <summary>Writes the built-in catalog into an empty store, once.</summary>
public static class CatalogSeeder
{
    /// <summary>
    /// Seeds when the store has never been seeded and holds nothing; returns the seed version, or null
    /// when it left the store alone. A run cut short is redone whole on the next start, because the
    /// seed mark is written last.
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
        foreach (var provider in seed.Providers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await grains.GetGrain<IProviderGrain>(provider.Provider.Id).ReplaceAsync(provider.Provider, provider.Offerings, expectedVersion: null);
        }
        await registry.MarkSeededAsync(seed.Version);
        return seed.Version;
    }
}
