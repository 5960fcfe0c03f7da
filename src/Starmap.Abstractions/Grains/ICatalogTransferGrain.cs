using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// Bulk import and export of whole provider and author states (e.g. a Starmap on-disk catalog read by
/// the caller). Stateless: each entity is still written by its own grain, one atomic write each.
/// </summary>
[Alias("starmap.ICatalogTransferGrain")]
public interface ICatalogTransferGrain : IGrainWithIntegerKey
{
    /// <summary>Everything the catalog holds, at one generation.</summary>
    [ReadOnly, Alias("ExportAsync")]
    Task<CatalogContent> ExportAsync();

    /// <summary>
    /// Replaces each given provider and author with the given state (others are left alone), authors
    /// first so definitions exist before offerings link them. Validates everything before writing
    /// anything. A dry run returns the changes and writes nothing.
    /// </summary>
    [Alias("ImportAsync")]
    Task<ImportResult> ImportAsync(CatalogContent content, bool dryRun);
}
