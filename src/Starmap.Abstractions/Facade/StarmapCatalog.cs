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
        Changes = new(grains);
        Prices = new(grains, _session);
        History = new(grains, _session);
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

    /// <summary>The change log: what each publish changed, field by field.</summary>
    public ChangeCollection Changes { get; }

    /// <summary>The cost of a call from the catalog's prices.</summary>
    public PriceCollection Prices { get; }

    /// <summary>The catalog's past: reads at a generation or time, price history, compare and restore.</summary>
    public HistoryCollection History { get; }

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
    /// has seen): the expected versions for <see cref="EntityCollection{TRecord, TDetails, TPatch}.PatchAsync"/> of <see cref="Providers"/> and
    /// of <see cref="Authors"/> after a list read of that generation.
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
