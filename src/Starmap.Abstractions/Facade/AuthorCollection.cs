namespace Starmap;

/// <summary>Author operations.</summary>
public sealed class AuthorCollection : EntityCollection<Author, AuthorDetails, AuthorPatch>
{
    internal AuthorCollection(IGrainFactory grains, CatalogSession session)
        : base(grains, session, "author")
    {
    }

    private IAuthorGrain Grain(string id) => Grains.GetGrain<IAuthorGrain>(Key(id));

    /// <summary>All authors, sorted by ID.</summary>
    public async Task<Listing<Author>> ListAsync() =>
        Session.Saw(await Session.Reader(Grains).ListAuthorsAsync(Session.Seen));

    /// <summary>Creates or replaces a definition (its ID names the author).</summary>
    public async Task<WriteResult> SetModelAsync(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Session.Saw(await Grain(definition.AuthorId).SetModelAsync(definition));
    }

    /// <summary>
    /// Creates or replaces many definitions of <paramref name="authorId"/> in one atomic write (one version,
    /// one catalog generation); nothing is written when any is invalid. With <paramref name="expectedVersion"/>,
    /// fails with <see cref="StarmapConflictException"/> when the author changed since.
    /// </summary>
    public async Task<WriteResult> SetModelsAsync(string authorId, EquatableArray<ModelDefinition> definitions, long? expectedVersion = null) =>
        Session.Saw(await Grain(authorId).SetModelsAsync(definitions, expectedVersion));

    /// <summary>One definition by <c>author/slug</c>; throws when absent.</summary>
    public async Task<ModelDefinition> GetModelAsync(string definitionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(definitionId);
        return await Grain(AuthorOf(definitionId)).GetModelAsync(definitionId) ?? throw new StarmapNotFoundException("definition", definitionId);
    }

    /// <summary>Deletes a definition by <c>author/slug</c>.</summary>
    public async Task<WriteResult> DeleteModelAsync(string definitionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(definitionId);
        return Session.Saw(await Grain(AuthorOf(definitionId)).DeleteModelAsync(definitionId));
    }

    /// <summary>Offerings credited to an author (by definition, provider or attribution rules).</summary>
    public async Task<Listing<CatalogModel>> ListModelsAsync(string authorId) =>
        Session.Saw(await Session.Reader(Grains).ListAuthorModelsAsync(authorId, Session.Seen));

    private static string AuthorOf(string definitionId) => definitionId.Split('/', 2)[0];

    private protected override string IdOf(Author record) => record.Id;

    private protected override IReadOnlyList<string> AliasesOf(Author record) => record.Aliases;

    private protected override IReadOnlyList<string>? AliasesOf(AuthorPatch patch) =>
        patch.Fields.Contains("aliases") ? patch.Values.Aliases : null;

    private protected override Task<Listing<Author>> ListCoreAsync() => ListAsync();

    private protected override Task<AuthorDetails?> FindCoreAsync(string id) => Grain(id).GetAsync();

    private protected override Task<WriteResult> SetCoreAsync(string id, Author record) => Grain(id).SetAsync(record);

    private protected override Task<WriteResult> CreateCoreAsync(string id, Author record) => Grain(id).CreateAsync(record);

    private protected override Task<WriteResult> PatchCoreAsync(string id, AuthorPatch patch, long? expectedVersion) =>
        Grain(id).PatchAsync(patch, expectedVersion);

    private protected override Task<WriteResult> DeleteCoreAsync(string id, long? expectedVersion) => Grain(id).DeleteAsync(expectedVersion);
}
