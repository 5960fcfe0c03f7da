namespace Starmap;

/// <summary>
/// The catalog's history, for callers outside a silo (clients have no change log store): a stateless worker
/// on each silo that rebuilds the catalog at an earlier generation from its replica and the change log.
/// Points outside what the log keeps fail with <see cref="StarmapHistoryRangeException"/>.
/// </summary>
[Alias("starmap.ICatalogHistoryGrain")]
public interface ICatalogHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>The generation <paramref name="point"/> names (a time resolved to the newest generation published at or before it).</summary>
    [Alias("ResolveAsync")]
    Task<long> ResolveAsync(CatalogPoint point);

    /// <summary>One offering with its definition as it was at <paramref name="generation"/>, or null when it did not exist then.</summary>
    [Alias("GetModelAsync")]
    Task<CatalogModel?> GetModelAsync(string providerId, string modelId, long generation);

    /// <summary><paramref name="query"/> over the catalog as it was at <paramref name="generation"/> (its <see cref="ModelQuery.MinGeneration"/> is ignored).</summary>
    [Alias("QueryModelsAsync")]
    Task<ModelPage> QueryModelsAsync(ModelQuery query, long generation);

    /// <summary>Every price one offering had since the log starts; <see cref="StarmapNotFoundException"/> when it never existed in that time.</summary>
    [Alias("GetPriceHistoryAsync")]
    Task<PriceHistory> GetPriceHistoryAsync(string providerId, string modelId);

    /// <summary>What differs between the catalog at <paramref name="from"/> and at <paramref name="to"/> (null: the newest generation).</summary>
    [Alias("CompareAsync")]
    Task<CatalogComparison> CompareAsync(CatalogPoint from, CatalogPoint? to);

    /// <summary>
    /// Restores a provider and its offerings to their state at <paramref name="point"/> as a new write
    /// (origin <see cref="ChangeOrigins.Restore"/>). When it did not exist then, it is deleted only with
    /// <paramref name="force"/>; otherwise the call fails and nothing is written.
    /// </summary>
    [Alias("RestoreProviderAsync")]
    Task<RestoreResult> RestoreProviderAsync(string providerId, CatalogPoint point, bool dryRun, bool force);

    /// <summary>As <see cref="RestoreProviderAsync"/>, for an author and its definitions.</summary>
    [Alias("RestoreAuthorAsync")]
    Task<RestoreResult> RestoreAuthorAsync(string authorId, CatalogPoint point, bool dryRun, bool force);
}
