namespace Starmap;

/// <summary>
/// The catalog API in Starmap's shape over grain calls: <c>Providers.ListAsync()</c>,
/// <c>Providers.SetModelAsync(id, model)</c>, <c>Models.QueryAsync(...)</c>. <c>GetAsync</c> throws
/// <see cref="StarmapNotFoundException"/>; <c>FindAsync</c> returns null. Works from a client and
/// from inside a grain.
/// </summary>
public sealed class StarmapCatalog
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    /// <summary>A catalog API over <paramref name="grains"/> with its own read-your-writes session.</summary>
    public StarmapCatalog(IGrainFactory grains)
        : this(grains, localReader: null)
    {
    }

    /// <summary>
    /// As above; inside a silo, <paramref name="localReader"/> (the silo's <see cref="ICatalogReader"/> service)
    /// answers catalog-wide reads from this silo's replica without a grain call.
    /// </summary>
    public StarmapCatalog(IGrainFactory grains, ICatalogReader? localReader)
    {
        _grains = grains;
        _session = new CatalogSession(localReader);
        Providers = new(grains, _session);
        Authors = new(grains, _session);
        Models = new(grains, _session);
        Endpoints = new(grains, _session);
        Sync = new(grains, _session);
    }

    private ICatalogRegistryGrain Registry => _grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    /// <summary>Providers and their offerings.</summary>
    public ProviderCollection Providers { get; }

    /// <summary>Authors and their definitions.</summary>
    public AuthorCollection Authors { get; }

    /// <summary>Offerings across the catalog.</summary>
    public ModelCollection Models { get; }

    /// <summary>Inference endpoints.</summary>
    public EndpointCollection Endpoints { get; }

    /// <summary>Provider syncs and schedules.</summary>
    public SyncCollection Sync { get; }

    /// <summary>The newest generation this instance has written or read; its reads never see older.</summary>
    public long SeenGeneration => _session.Seen;

    /// <summary>
    /// Makes this instance's later reads answer at least <paramref name="generation"/> — for writes made
    /// through grain references directly, whose results the facade did not see.
    /// </summary>
    public void RequireGeneration(long generation) => _session.Saw(generation);

    /// <summary>Generation and counts, from the registry (the newest state).</summary>
    public async Task<CatalogStatus> GetStatusAsync() => _session.Saw(await Registry.GetStatusAsync());

    /// <summary>
    /// The version of every provider and author at one generation (at least the newest this instance
    /// has seen): the expected versions for <see cref="ProviderCollection.PatchAsync"/> and
    /// <see cref="AuthorCollection.PatchAsync"/> after a list read of that generation.
    /// </summary>
    public async Task<CatalogVersions> GetVersionsAsync()
    {
        var versions = await _session.Reader(_grains).GetVersionsAsync(_session.Seen);
        _session.Saw(versions.Generation);
        return versions;
    }

    /// <summary>Everything the catalog holds, at one generation (for files or backups).</summary>
    public async Task<CatalogContent> ExportAsync() => _session.Saw(await _grains.GetGrain<ICatalogTransferGrain>(0).ExportAsync());

    /// <summary>Replaces the given providers and authors wholesale; a dry run only reports the changes.</summary>
    public async Task<ImportResult> ImportAsync(CatalogContent content, bool dryRun = false) =>
        _session.Saw(await _grains.GetGrain<ICatalogTransferGrain>(0).ImportAsync(content, dryRun));

    /// <summary>Creates or replaces a provider record.</summary>
    public Task<WriteResult> SetProviderAsync(Provider provider) => Providers.SetAsync(provider);

    /// <summary>Creates or replaces an author record.</summary>
    public Task<WriteResult> SetAuthorAsync(Author author) => Authors.SetAsync(author);
}

/// <summary>Provider operations.</summary>
public sealed class ProviderCollection
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    internal ProviderCollection(IGrainFactory grains, CatalogSession session)
    {
        _grains = grains;
        _session = session;
    }

    private IProviderGrain Grain(string id) => _grains.GetGrain<IProviderGrain>(GrainKeys.Check(id, "provider key"));

    /// <summary>All providers, sorted by ID.</summary>
    public async Task<Listing<Provider>> ListAsync() =>
        _session.Saw(await _session.Reader(_grains).ListProvidersAsync(_session.Seen));

    /// <summary>A provider with its offerings; throws when absent.</summary>
    public async Task<ProviderDetails> GetAsync(string id) =>
        await FindAsync(id) ?? throw new StarmapNotFoundException("provider", id);

    /// <summary>A provider with its offerings, or null (read from its grain: always the newest).</summary>
    public Task<ProviderDetails?> FindAsync(string id) => Grain(id).GetAsync();

    /// <summary>Creates or replaces a provider record.</summary>
    public async Task<WriteResult> SetAsync(Provider provider) => _session.Saw(await Grain(provider.Id).SetAsync(provider));

    /// <summary>Creates a provider record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    public async Task<WriteResult> CreateAsync(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return _session.Saw(await Grain(provider.Id).CreateAsync(provider));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names, atomically in the provider's grain.
    /// With <paramref name="expectedVersion"/> (<see cref="ProviderDetails.Version"/> as read), fails with
    /// <see cref="StarmapConflictException"/> when the provider changed since; without it, the named
    /// fields are written whatever happened meanwhile, and no other field is touched.
    /// </summary>
    public async Task<WriteResult> PatchAsync(string id, ProviderPatch patch, long? expectedVersion = null) =>
        _session.Saw(await Grain(id).PatchAsync(patch, expectedVersion));

    /// <summary>Deletes a provider and its offerings.</summary>
    public async Task<WriteResult> DeleteAsync(string id) => _session.Saw(await Grain(id).DeleteAsync());

    /// <summary>Creates or replaces one offering of <paramref name="providerId"/>.</summary>
    public async Task<WriteResult> SetModelAsync(string providerId, Offering model) =>
        _session.Saw(await Grain(providerId).SetModelAsync(model with { ProviderId = providerId }));

    /// <summary>Adds one offering; <see cref="StarmapAlreadyExistsException"/> when the model exists.</summary>
    public async Task<WriteResult> CreateModelAsync(string providerId, Offering model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _session.Saw(await Grain(providerId).CreateModelAsync(model with { ProviderId = providerId }));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names on one offering, atomically. With
    /// <paramref name="expectedVersion"/> (<see cref="CatalogModel.ProviderVersion"/> as read), fails with
    /// <see cref="StarmapConflictException"/> when the provider changed since.
    /// </summary>
    public async Task<WriteResult> PatchModelAsync(string providerId, string modelId, OfferingPatch patch, long? expectedVersion = null) =>
        _session.Saw(await Grain(providerId).PatchModelAsync(modelId, patch, expectedVersion));

    /// <summary>One offering; throws when absent.</summary>
    public async Task<Offering> GetModelAsync(string providerId, string modelId) =>
        await Grain(providerId).GetModelAsync(modelId) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>Deletes one offering.</summary>
    public async Task<WriteResult> DeleteModelAsync(string providerId, string modelId) =>
        _session.Saw(await Grain(providerId).DeleteModelAsync(modelId));

    /// <summary>Offerings of one provider.</summary>
    public Task<EquatableArray<Offering>> ListModelsAsync(string providerId) => Grain(providerId).ListModelsAsync();
}

/// <summary>Author operations.</summary>
public sealed class AuthorCollection
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    internal AuthorCollection(IGrainFactory grains, CatalogSession session)
    {
        _grains = grains;
        _session = session;
    }

    private IAuthorGrain Grain(string id) => _grains.GetGrain<IAuthorGrain>(GrainKeys.Check(id, "author key"));

    /// <summary>All authors, sorted by ID.</summary>
    public async Task<Listing<Author>> ListAsync() =>
        _session.Saw(await _session.Reader(_grains).ListAuthorsAsync(_session.Seen));

    /// <summary>An author with its definitions; throws when absent.</summary>
    public async Task<AuthorDetails> GetAsync(string id) =>
        await FindAsync(id) ?? throw new StarmapNotFoundException("author", id);

    /// <summary>An author with its definitions, or null.</summary>
    public Task<AuthorDetails?> FindAsync(string id) => Grain(id).GetAsync();

    /// <summary>Creates or replaces an author record.</summary>
    public async Task<WriteResult> SetAsync(Author author) => _session.Saw(await Grain(author.Id).SetAsync(author));

    /// <summary>Creates an author record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    public async Task<WriteResult> CreateAsync(Author author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return _session.Saw(await Grain(author.Id).CreateAsync(author));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names, atomically in the author's grain; with
    /// <paramref name="expectedVersion"/> (<see cref="AuthorDetails.Version"/> as read), fails with
    /// <see cref="StarmapConflictException"/> when the author changed since.
    /// </summary>
    public async Task<WriteResult> PatchAsync(string id, AuthorPatch patch, long? expectedVersion = null) =>
        _session.Saw(await Grain(id).PatchAsync(patch, expectedVersion));

    /// <summary>Deletes an author and its definitions.</summary>
    public async Task<WriteResult> DeleteAsync(string id) => _session.Saw(await Grain(id).DeleteAsync());

    /// <summary>Creates or replaces a definition (its ID names the author).</summary>
    public async Task<WriteResult> SetModelAsync(ModelDefinition definition) =>
        _session.Saw(await Grain(definition.AuthorId).SetModelAsync(definition));

    /// <summary>Deletes a definition by <c>author/slug</c>.</summary>
    public async Task<WriteResult> DeleteModelAsync(string definitionId) =>
        _session.Saw(await Grain(definitionId.Split('/', 2)[0]).DeleteModelAsync(definitionId));

    /// <summary>Offerings credited to an author (by definition, provider or attribution rules).</summary>
    public async Task<Listing<CatalogModel>> ListModelsAsync(string authorId) =>
        _session.Saw(await _session.Reader(_grains).ListAuthorModelsAsync(authorId, _session.Seen));
}

/// <summary>Catalog-wide model reads, answered by the replica on the silo that receives the call.</summary>
public sealed class ModelCollection
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    internal ModelCollection(IGrainFactory grains, CatalogSession session)
    {
        _grains = grains;
        _session = session;
    }

    /// <summary>Every offering, sorted by provider then model ID.</summary>
    public async Task<Listing<CatalogModel>> ListAsync() =>
        _session.Saw(await _session.Reader(_grains).ListModelsAsync(_session.Seen));

    /// <summary>Filters, sorts and pages offerings.</summary>
    public async Task<ModelPage> QueryAsync(ModelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await _session.Reader(_grains).QueryModelsAsync(query with { MinGeneration = Math.Max(query.MinGeneration, _session.Seen) });
        _session.Saw(page.Generation);
        return page;
    }

    /// <summary>One offering with its definition; throws when absent.</summary>
    public async Task<CatalogModel> GetAsync(string providerId, string modelId) =>
        await FindAsync(providerId, modelId) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>One offering with its definition, or null.</summary>
    public Task<CatalogModel?> FindAsync(string providerId, string modelId) =>
        _session.Reader(_grains).GetModelAsync(providerId, modelId, _session.Seen);

    /// <summary>
    /// "Who serves this model, at what price": every offering of the model <paramref name="id"/>
    /// (<c>author/slug</c>; see <see cref="ModelEndpoints"/> for a model without a definition), with its
    /// price, limits and status; throws <see cref="StarmapNotFoundException"/> when nothing answers to it.
    /// </summary>
    public async Task<ModelEndpoints> GetEndpointsAsync(string id) =>
        await FindEndpointsAsync(id) ?? throw new StarmapNotFoundException("model", id);

    /// <summary>As <see cref="GetEndpointsAsync"/>, or null when nothing answers to <paramref name="id"/>.</summary>
    public async Task<ModelEndpoints?> FindEndpointsAsync(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var found = await _session.Reader(_grains).FindModelEndpointsAsync(id, _session.Seen);
        if (found is not null)
        {
            _session.Saw(found.Generation);
        }
        return found;
    }

    /// <summary>Every model definition, sorted by ID.</summary>
    public async Task<Listing<ModelDefinition>> ListDefinitionsAsync() =>
        _session.Saw(await _session.Reader(_grains).ListDefinitionsAsync(_session.Seen));

    /// <summary>
    /// Quarantined fields: values a source gave that were refused and left unknown, each with the note
    /// saying what was seen, why and from where; filtered by provider, model and field path, and paged.
    /// </summary>
    public async Task<QuarantinePage> ListQuarantineAsync(QuarantineQuery? query = null)
    {
        query ??= new QuarantineQuery();
        var page = await _session.Reader(_grains).QueryQuarantineAsync(query with { MinGeneration = Math.Max(query.MinGeneration, _session.Seen) });
        _session.Saw(page.Generation);
        return page;
    }
}

/// <summary>Endpoint reads.</summary>
public sealed class EndpointCollection
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    internal EndpointCollection(IGrainFactory grains, CatalogSession session)
    {
        _grains = grains;
        _session = session;
    }

    /// <summary>Every inference endpoint, sorted by ID.</summary>
    public async Task<Listing<Endpoint>> ListAsync() =>
        _session.Saw(await _session.Reader(_grains).ListEndpointsAsync(_session.Seen));
}
