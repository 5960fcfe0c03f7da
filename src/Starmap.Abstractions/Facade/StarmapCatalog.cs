namespace Starmap;

/// <summary>
/// The catalog API in Starmap's shape over grain calls: <c>Providers.ListAsync()</c>,
/// <c>Providers.SetModelAsync(id, model)</c>, <c>Models.QueryAsync(...)</c>. <c>GetAsync</c> throws
/// <see cref="StarmapNotFoundException"/>; <c>FindAsync</c> returns null. Works from a client and
/// from inside a grain.
/// </summary>
public sealed class StarmapCatalog(IGrainFactory grains)
{
    private ICatalogGrain Registry => grains.GetGrain<ICatalogGrain>(CatalogKeys.Default);

    /// <summary>Providers and their offerings.</summary>
    public ProviderCollection Providers { get; } = new(grains);

    /// <summary>Authors and their definitions.</summary>
    public AuthorCollection Authors { get; } = new(grains);

    /// <summary>Offerings across the catalog.</summary>
    public ModelCollection Models { get; } = new(grains);

    /// <summary>Inference endpoints.</summary>
    public EndpointCollection Endpoints { get; } = new(grains);

    /// <summary>Provider syncs and schedules.</summary>
    public SyncCollection Sync { get; } = new(grains);

    /// <summary>Generation and counts.</summary>
    public Task<CatalogStatus> GetStatusAsync() => Registry.GetStatusAsync();

    /// <summary>Everything the catalog holds, at one generation (for files or backups).</summary>
    public Task<CatalogContent> ExportAsync() => grains.GetGrain<ICatalogTransferGrain>(0).ExportAsync();

    /// <summary>Replaces the given providers and authors wholesale; a dry run only reports the changes.</summary>
    public Task<ImportResult> ImportAsync(CatalogContent content, bool dryRun = false) =>
        grains.GetGrain<ICatalogTransferGrain>(0).ImportAsync(content, dryRun);

    /// <summary>Creates or replaces a provider record.</summary>
    public Task<WriteResult> SetProviderAsync(Provider provider) => Providers.SetAsync(provider);

    /// <summary>Creates or replaces an author record.</summary>
    public Task<WriteResult> SetAuthorAsync(Author author) => Authors.SetAsync(author);
}

/// <summary>Provider operations.</summary>
public sealed class ProviderCollection(IGrainFactory grains)
{
    private IProviderGrain Grain(string id) => grains.GetGrain<IProviderGrain>(id);

    /// <summary>All providers, sorted by ID.</summary>
    public Task<Listing<Provider>> ListAsync() =>
        grains.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListProvidersAsync();

    /// <summary>A provider with its offerings; throws when absent.</summary>
    public async Task<ProviderDetails> GetAsync(string id) =>
        await FindAsync(id) ?? throw new StarmapNotFoundException("provider", id);

    /// <summary>A provider with its offerings, or null.</summary>
    public Task<ProviderDetails?> FindAsync(string id) => Grain(id).GetAsync();

    /// <summary>Creates or replaces a provider record.</summary>
    public Task<WriteResult> SetAsync(Provider provider) => Grain(provider.Id).SetAsync(provider);

    /// <summary>Deletes a provider and its offerings.</summary>
    public Task<WriteResult> DeleteAsync(string id) => Grain(id).DeleteAsync();

    /// <summary>Creates or replaces one offering of <paramref name="providerId"/>.</summary>
    public Task<WriteResult> SetModelAsync(string providerId, Offering model) =>
        Grain(providerId).SetModelAsync(model with { ProviderId = providerId });

    /// <summary>One offering; throws when absent.</summary>
    public async Task<Offering> GetModelAsync(string providerId, string modelId) =>
        await Grain(providerId).GetModelAsync(modelId) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>Deletes one offering.</summary>
    public Task<WriteResult> DeleteModelAsync(string providerId, string modelId) => Grain(providerId).DeleteModelAsync(modelId);

    /// <summary>Offerings of one provider.</summary>
    public Task<EquatableArray<Offering>> ListModelsAsync(string providerId) => Grain(providerId).ListModelsAsync();
}

/// <summary>Author operations.</summary>
public sealed class AuthorCollection(IGrainFactory grains)
{
    private IAuthorGrain Grain(string id) => grains.GetGrain<IAuthorGrain>(id);

    /// <summary>All authors, sorted by ID.</summary>
    public Task<Listing<Author>> ListAsync() =>
        grains.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListAuthorsAsync();

    /// <summary>An author with its definitions; throws when absent.</summary>
    public async Task<AuthorDetails> GetAsync(string id) =>
        await FindAsync(id) ?? throw new StarmapNotFoundException("author", id);

    /// <summary>An author with its definitions, or null.</summary>
    public Task<AuthorDetails?> FindAsync(string id) => Grain(id).GetAsync();

    /// <summary>Creates or replaces an author record.</summary>
    public Task<WriteResult> SetAsync(Author author) => Grain(author.Id).SetAsync(author);

    /// <summary>Deletes an author and its definitions.</summary>
    public Task<WriteResult> DeleteAsync(string id) => Grain(id).DeleteAsync();

    /// <summary>Creates or replaces a definition (its ID names the author).</summary>
    public Task<WriteResult> SetModelAsync(ModelDefinition definition) =>
        Grain(definition.AuthorId).SetModelAsync(definition);

    /// <summary>Deletes a definition by <c>author/slug</c>.</summary>
    public Task<WriteResult> DeleteModelAsync(string definitionId) =>
        Grain(definitionId.Split('/', 2)[0]).DeleteModelAsync(definitionId);

    /// <summary>Offerings credited to an author (by definition, provider or attribution rules).</summary>
    public Task<Listing<CatalogModel>> ListModelsAsync(string authorId) =>
        grains.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListAuthorModelsAsync(authorId);
}

/// <summary>Catalog-wide model reads.</summary>
public sealed class ModelCollection(IGrainFactory grains)
{
    private ICatalogGrain Registry => grains.GetGrain<ICatalogGrain>(CatalogKeys.Default);

    /// <summary>Every offering, sorted by provider then model ID.</summary>
    public Task<Listing<CatalogModel>> ListAsync() => Registry.ListModelsAsync();

    /// <summary>Filters, sorts and pages offerings.</summary>
    public Task<ModelPage> QueryAsync(ModelQuery query) => Registry.QueryModelsAsync(query);

    /// <summary>One offering with its definition; throws when absent.</summary>
    public async Task<CatalogModel> GetAsync(string providerId, string modelId) =>
        await Registry.GetModelAsync(providerId, modelId) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>One offering with its definition, or null.</summary>
    public Task<CatalogModel?> FindAsync(string providerId, string modelId) => Registry.GetModelAsync(providerId, modelId);

    /// <summary>Every model definition, sorted by ID.</summary>
    public Task<Listing<ModelDefinition>> ListDefinitionsAsync() => Registry.ListDefinitionsAsync();
}

/// <summary>Endpoint reads.</summary>
public sealed class EndpointCollection(IGrainFactory grains)
{
    /// <summary>Every inference endpoint, sorted by ID.</summary>
    public Task<Listing<Endpoint>> ListAsync() =>
        grains.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListEndpointsAsync();
}
