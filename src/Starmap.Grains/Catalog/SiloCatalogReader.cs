using Starmap.Catalog.Snapshot;

namespace Starmap.Grains.Catalog;

/// <summary>
/// The <see cref="ICatalogReader"/> of this silo: answers from its replica without a grain call (the HTTP
/// API, the sync and the facade in the silo use it; the stateless reader grain delegates to it). Results
/// are the snapshot's own immutable objects, shared, never copied.
/// </summary>
public sealed class SiloCatalogReader : ICatalogReader
{
    private readonly CatalogReplica replica;

    internal SiloCatalogReader(CatalogReplica replica) => this.replica = replica;

    public async Task<Listing<Provider>> ListProvidersAsync(long minGeneration) =>
        Listing(await replica.EnsureAsync(minGeneration), s => s.Providers);

    public async Task<Listing<Author>> ListAuthorsAsync(long minGeneration) =>
        Listing(await replica.EnsureAsync(minGeneration), s => s.Authors);

    public async Task<Listing<CatalogModel>> ListModelsAsync(long minGeneration) =>
        Listing(await replica.EnsureAsync(minGeneration), s => s.Models);

    public async Task<Listing<ModelDefinition>> ListDefinitionsAsync(long minGeneration) =>
        Listing(await replica.EnsureAsync(minGeneration), s => s.Definitions);

    public async Task<Listing<ModelDefinition>> FindDefinitionsAsync(EquatableArray<string> ids, long minGeneration)
    {
        var snapshot = await replica.EnsureAsync(minGeneration);
        var found = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => id is null ? null : snapshot.FindDefinition(id)).OfType<ModelDefinition>().ToEquatableArray();
        return new() { Generation = snapshot.Generation, Items = found };
    }

    public async Task<Listing<Endpoint>> ListEndpointsAsync(long minGeneration) =>
        Listing(await replica.EnsureAsync(minGeneration), s => s.Endpoints);

    public async Task<ModelPage> QueryModelsAsync(ModelQuery query)
    {
        if (query is null)
        {
            throw new StarmapValidationException("query", null, "is required");
        }
        return (await replica.EnsureAsync(query.MinGeneration)).Query(query);
    }

    public async Task<CatalogModel?> GetModelAsync(string providerId, string modelId, long minGeneration) =>
        (await replica.EnsureAsync(minGeneration)).FindModel(providerId, modelId);

    public async Task<Listing<CatalogModel>> ListAuthorModelsAsync(string authorId, long minGeneration)
    {
        var snapshot = await replica.EnsureAsync(minGeneration);
        return new Listing<CatalogModel> { Generation = snapshot.Generation, Items = snapshot.AuthorModels(authorId) };
    }

    public async Task<ModelEndpoints?> FindModelEndpointsAsync(string id, long minGeneration)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new StarmapValidationException("id", id, "is required");
        }
        return (await replica.EnsureAsync(minGeneration)).FindModelEndpoints(id);
    }

    public async Task<CatalogVersions> GetVersionsAsync(long minGeneration)
    {
        var snapshot = await replica.EnsureAsync(minGeneration);
        return new CatalogVersions
        {
            Generation = snapshot.Generation,
            Providers = snapshot.Providers.Select(p => new EntityStamp { Id = p.Id, Version = snapshot.FindProvider(p.Id)!.Version }).ToEquatableArray(),
            Authors = snapshot.Authors.Select(a => new EntityStamp { Id = a.Id, Version = snapshot.FindAuthor(a.Id)!.Version }).ToEquatableArray(),
        };
    }

    public async Task<QuarantinePage> QueryQuarantineAsync(QuarantineQuery query)
    {
        if (query is null)
        {
            throw new StarmapValidationException("query", null, "is required");
        }
        QuarantineList.Validate(query);
        return QuarantineList.Query(await replica.EnsureAsync(query.MinGeneration), query);
    }

    public async Task<long> GetGenerationAsync() => (await replica.EnsureAsync(0)).Generation;

    private static Listing<T> Listing<T>(CatalogSnapshot snapshot, Func<CatalogSnapshot, EquatableArray<T>> items) =>
        new() { Generation = snapshot.Generation, Items = items(snapshot) };
}
