using Orleans.Concurrency;

namespace Starmap.Grains.Catalog;

/// <summary>
/// <see cref="ICatalogReader"/> for callers outside this silo's process (clients, other silos' grains): a
/// stateless worker per silo that delegates every read to <see cref="SiloCatalogReader"/>, so no single
/// activation is in the way.
/// </summary>
[StatelessWorker, GrainType("starmap.catalog-reader")]
internal sealed class CatalogReaderGrain(SiloCatalogReader reader) : Grain, ICatalogReaderGrain
{
    public Task<Listing<Provider>> ListProvidersAsync(long minGeneration) => reader.ListProvidersAsync(minGeneration);

    public Task<Listing<Author>> ListAuthorsAsync(long minGeneration) => reader.ListAuthorsAsync(minGeneration);

    public Task<Listing<CatalogModel>> ListModelsAsync(long minGeneration) => reader.ListModelsAsync(minGeneration);

    public Task<Listing<ModelDefinition>> ListDefinitionsAsync(long minGeneration) => reader.ListDefinitionsAsync(minGeneration);

    public Task<Listing<ModelDefinition>> FindDefinitionsAsync(EquatableArray<string> ids, long minGeneration) =>
        reader.FindDefinitionsAsync(ids, minGeneration);

    public Task<Listing<Endpoint>> ListEndpointsAsync(long minGeneration) => reader.ListEndpointsAsync(minGeneration);

    public Task<ModelPage> QueryModelsAsync(ModelQuery query) => reader.QueryModelsAsync(query);

    public Task<CatalogModel?> GetModelAsync(string providerId, string modelId, long minGeneration) =>
        reader.GetModelAsync(providerId, modelId, minGeneration);

    public Task<Listing<CatalogModel>> ListAuthorModelsAsync(string authorId, long minGeneration) =>
        reader.ListAuthorModelsAsync(authorId, minGeneration);

    public Task<ModelEndpoints?> FindModelEndpointsAsync(string id, long minGeneration) => reader.FindModelEndpointsAsync(id, minGeneration);

    public Task<CatalogVersions> GetVersionsAsync(long minGeneration) => reader.GetVersionsAsync(minGeneration);

    public Task<QuarantinePage> QueryQuarantineAsync(QuarantineQuery query) => reader.QueryQuarantineAsync(query);

    public Task<long> GetGenerationAsync() => reader.GetGenerationAsync();
}
