using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// Holds the catalog-level files a catalog folder import brought in (key: <see cref="CatalogKeys.Default"/>),
/// so an export writes them back: Starmap's <c>endpoints.yaml</c>, <c>generation.json</c> and
/// <c>authors/README.md</c>. They are kept as written, not regenerated from the records.
/// </summary>
[Alias("starmap.ICatalogDocumentsGrain")]
public interface ICatalogDocumentsGrain : IGrainWithStringKey
{
    /// <summary>The stored documents, sorted by path.</summary>
    [ReadOnly, Alias("GetAsync")]
    Task<EquatableArray<CatalogDocument>> GetAsync();

    /// <summary>Replaces every stored document with <paramref name="documents"/>.</summary>
    [Alias("ReplaceAsync")]
    Task ReplaceAsync(EquatableArray<CatalogDocument> documents);
}
