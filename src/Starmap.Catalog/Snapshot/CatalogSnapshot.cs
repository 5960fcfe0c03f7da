namespace Starmap.Catalog;

/// <summary>
/// One immutable published catalog generation: providers, authors, definitions, offerings joined
/// with definitions and credited authors, and projected endpoints. Readers share it without copying;
/// a publish builds a new snapshot and swaps it in whole.
/// </summary>
public sealed class CatalogSnapshot
{
    /// <summary>The empty catalog at generation 0.</summary>
    public static CatalogSnapshot Empty { get; } = new();

    private CatalogSnapshot() { }

    /// <summary>Generation number.</summary>
    public long Generation { get; private init; }

    /// <summary>Providers sorted by ID.</summary>
    public EquatableArray<Provider> Providers { get; private init; }

    /// <summary>Authors sorted by ID.</summary>
    public EquatableArray<Author> Authors { get; private init; }

    /// <summary>Definitions sorted by ID.</summary>
    public EquatableArray<ModelDefinition> Definitions { get; private init; }

    /// <summary>Offerings joined with definitions, sorted by provider then model ID (ordinal).</summary>
    public EquatableArray<CatalogModel> Models { get; private init; }

    /// <summary>Endpoints projected from providers' inference config, sorted by ID.</summary>
    public EquatableArray<Endpoint> Endpoints { get; private init; }

    /// <summary>Builds a snapshot from whole provider and author states.</summary>
    public static CatalogSnapshot Build(long generation, IEnumerable<ProviderDetails> providers, IEnumerable<AuthorDetails> authors) =>
        throw new NotImplementedException();

    /// <summary>A new snapshot with one provider replaced (null removes it).</summary>
    public CatalogSnapshot WithProvider(string providerId, ProviderDetails? details, long generation) =>
        throw new NotImplementedException();

    /// <summary>A new snapshot with one author replaced (null removes it).</summary>
    public CatalogSnapshot WithAuthor(string authorId, AuthorDetails? details, long generation) =>
        throw new NotImplementedException();

    /// <summary>The stored provider state, or null.</summary>
    public ProviderDetails? FindProvider(string providerId) => throw new NotImplementedException();

    /// <summary>The stored author state, or null.</summary>
    public AuthorDetails? FindAuthor(string authorId) => throw new NotImplementedException();

    /// <summary>One offering joined with its definition, or null.</summary>
    public CatalogModel? FindModel(string providerId, string modelId) => throw new NotImplementedException();

    /// <summary>Offerings credited to an author.</summary>
    public EquatableArray<CatalogModel> AuthorModels(string authorId) => throw new NotImplementedException();

    /// <summary>Validates and runs a query.</summary>
    public ModelPage Query(ModelQuery query) => throw new NotImplementedException();
}
