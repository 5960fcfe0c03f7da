namespace Starmap;

/// <summary>
/// Catalog-wide reads, answered from an immutable snapshot of the published catalog. Each read may ask
/// for at least <c>minGeneration</c> (read-your-writes); a reader that is behind catches up first, or the
/// call fails rather than answer older data. Implemented by the silo-local replica reader (no grain call,
/// no copy) and by the stateless <see cref="ICatalogReaderGrain"/> (for clients and other silos); the
/// facade (<see cref="StarmapCatalog"/>), the HTTP API and the sync use this contract, not the grain.
/// </summary>
public interface ICatalogReader
{
    /// <summary>All providers, sorted by ID.</summary>
    [Alias("ListProvidersAsync")]
    Task<Listing<Provider>> ListProvidersAsync(long minGeneration);

    /// <summary>All authors, sorted by ID.</summary>
    [Alias("ListAuthorsAsync")]
    Task<Listing<Author>> ListAuthorsAsync(long minGeneration);

    /// <summary>All offerings joined with definitions.</summary>
    [Alias("ListModelsAsync")]
    Task<Listing<CatalogModel>> ListModelsAsync(long minGeneration);

    /// <summary>All definitions.</summary>
    [Alias("ListDefinitionsAsync")]
    Task<Listing<ModelDefinition>> ListDefinitionsAsync(long minGeneration);

    /// <summary>
    /// The definitions among <paramref name="ids"/> the catalog has, sorted by ID (an ID it lacks is left out): for a
    /// writer that needs a few definitions at a generation (a provider's sync), not the whole list.
    /// </summary>
    [Alias("FindDefinitionsAsync")]
    Task<Listing<ModelDefinition>> FindDefinitionsAsync(EquatableArray<string> ids, long minGeneration);

    /// <summary>All endpoints.</summary>
    [Alias("ListEndpointsAsync")]
    Task<Listing<Endpoint>> ListEndpointsAsync(long minGeneration);

    /// <summary>Filters, sorts and pages offerings (the query's <see cref="ModelQuery.MinGeneration"/> applies).</summary>
    [Alias("QueryModelsAsync")]
    Task<ModelPage> QueryModelsAsync(ModelQuery query);

    /// <summary>One offering with its definition, or null.</summary>
    [Alias("GetModelAsync")]
    Task<CatalogModel?> GetModelAsync(string providerId, string modelId, long minGeneration);

    /// <summary>Offerings credited to an author.</summary>
    [Alias("ListAuthorModelsAsync")]
    Task<Listing<CatalogModel>> ListAuthorModelsAsync(string authorId, long minGeneration);

    /// <summary>
    /// Every offering of one model by its <c>author/slug</c> (see <see cref="ModelEndpoints"/>); null when
    /// neither a definition nor an offering answers to it.
    /// </summary>
    [Alias("FindModelEndpointsAsync")]
    Task<ModelEndpoints?> FindModelEndpointsAsync(string id, long minGeneration);

    /// <summary>The version of every provider and author at the replica's generation (to tell what a publish changed).</summary>
    [Alias("GetVersionsAsync")]
    Task<CatalogVersions> GetVersionsAsync(long minGeneration);

    /// <summary>Quarantined fields of offerings and definitions, filtered and paged (the query's generation applies).</summary>
    [Alias("QueryQuarantineAsync")]
    Task<QuarantinePage> QueryQuarantineAsync(QuarantineQuery query);

    /// <summary>The generation this silo's replica holds.</summary>
    [Alias("GetGenerationAsync")]
    Task<long> GetGenerationAsync();
}
