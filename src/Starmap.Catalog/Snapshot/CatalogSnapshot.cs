namespace Starmap.Catalog;

/// <summary>
/// One immutable published catalog generation: providers, authors, definitions, offerings joined
/// with definitions and credited authors, and projected endpoints. Readers share it without copying;
/// a publish builds a new snapshot and swaps it in whole.
/// </summary>
/// <remarks>
/// Lookups go through dictionaries built once per snapshot. A provider change reuses every other
/// provider's joined models; an author change can move definitions and attribution anywhere, so it
/// rejoins every offering (linear in the catalog size).
/// </remarks>
public sealed class CatalogSnapshot
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    private readonly Dictionary<string, ProviderDetails> _providers;
    private readonly Dictionary<string, AuthorDetails> _authors;
    private readonly Dictionary<string, ModelDefinition> _definitions;
    private readonly Dictionary<string, CatalogModel[]> _modelsByProvider;
    private readonly Dictionary<OfferingKey, CatalogModel> _models;
    private readonly Dictionary<string, EquatableArray<CatalogModel>> _modelsByAuthor;
    private readonly Attribution _attribution;

    /// <summary>The empty catalog at generation 0.</summary>
    public static CatalogSnapshot Empty { get; } = new();

    private CatalogSnapshot()
        : this(0, new(Ordinal), new(Ordinal), new(Ordinal), new(Ordinal), Attribution.None)
    {
    }

    private CatalogSnapshot(
        long generation,
        Dictionary<string, ProviderDetails> providers,
        Dictionary<string, AuthorDetails> authors,
        Dictionary<string, ModelDefinition> definitions,
        Dictionary<string, CatalogModel[]> modelsByProvider,
        Attribution attribution)
    {
        _attribution = attribution;
        _providers = providers;
        _authors = authors;
        _definitions = definitions;
        _modelsByProvider = modelsByProvider;
        Generation = generation;
        Providers = providers.Values.Select(p => p.Provider).OrderBy(p => p.Id, Ordinal).ToEquatableArray();
        Authors = authors.Values.Select(a => a.Author).OrderBy(a => a.Id, Ordinal).ToEquatableArray();
        Definitions = definitions.Values.OrderBy(d => d.Id, Ordinal).ToEquatableArray();
        // Each provider's models are already sorted by model ID, so ordering providers sorts the whole.
        Models = modelsByProvider.OrderBy(p => p.Key, Ordinal).SelectMany(p => p.Value).ToEquatableArray();
        Endpoints = providers.Values.SelectMany(p => EndpointProjection.Of(p.Provider)).OrderBy(e => e.Id, Ordinal).ToEquatableArray();
        _models = Models.ToDictionary(m => m.Offering.Key);
        _modelsByAuthor = Models
            .SelectMany(m => m.AuthorIds, (model, author) => (model, author))
            .GroupBy(p => p.author, p => p.model, Ordinal)
            .ToDictionary(g => g.Key, g => g.ToEquatableArray(), Ordinal);
    }

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
    /// <exception cref="ArgumentException">Two states share an ID, or an offering names another provider.</exception>
    public static CatalogSnapshot Build(long generation, IEnumerable<ProviderDetails> providers, IEnumerable<AuthorDetails> authors)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(authors);
        var providerMap = new Dictionary<string, ProviderDetails>(Ordinal);
        foreach (var details in providers)
        {
            if (!providerMap.TryAdd(details.Provider.Id, details))
            {
                throw new ArgumentException($"provider '{details.Provider.Id}' appears twice", nameof(providers));
            }
        }
        var authorMap = new Dictionary<string, AuthorDetails>(Ordinal);
        foreach (var details in authors)
        {
            if (!authorMap.TryAdd(details.Author.Id, details))
            {
                throw new ArgumentException($"author '{details.Author.Id}' appears twice", nameof(authors));
            }
        }
        return Rejoin(generation, providerMap, authorMap);
    }

    /// <summary>A new snapshot with one provider replaced (null removes it).</summary>
    public CatalogSnapshot WithProvider(string providerId, ProviderDetails? details, long generation)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        if (details is not null && !string.Equals(details.Provider.Id, providerId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"details are for provider '{details.Provider.Id}', not '{providerId}'", nameof(details));
        }
        var providers = new Dictionary<string, ProviderDetails>(_providers, Ordinal);
        var models = new Dictionary<string, CatalogModel[]>(_modelsByProvider, Ordinal);
        if (details is null)
        {
            providers.Remove(providerId);
            models.Remove(providerId);
        }
        else
        {
            providers[providerId] = details;
            models[providerId] = Join(details, _definitions, _attribution);
        }
        return new CatalogSnapshot(generation, providers, _authors, _definitions, models, _attribution);
    }

    /// <summary>A new snapshot with one author replaced (null removes it).</summary>
    public CatalogSnapshot WithAuthor(string authorId, AuthorDetails? details, long generation)
    {
        ArgumentNullException.ThrowIfNull(authorId);
        if (details is not null && !string.Equals(details.Author.Id, authorId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"details are for author '{details.Author.Id}', not '{authorId}'", nameof(details));
        }
        var authors = new Dictionary<string, AuthorDetails>(_authors, Ordinal);
        if (details is null)
        {
            authors.Remove(authorId);
        }
        else
        {
            authors[authorId] = details;
        }
        return Rejoin(generation, _providers, authors);
    }

    /// <summary>The stored provider state, or null.</summary>
    public ProviderDetails? FindProvider(string providerId) =>
        _providers.GetValueOrDefault(providerId ?? throw new ArgumentNullException(nameof(providerId)));

    /// <summary>The stored author state, or null.</summary>
    public AuthorDetails? FindAuthor(string authorId) =>
        _authors.GetValueOrDefault(authorId ?? throw new ArgumentNullException(nameof(authorId)));

    /// <summary>A definition by <c>author/slug</c> ID, or null.</summary>
    public ModelDefinition? FindDefinition(string definitionId) =>
        _definitions.GetValueOrDefault(definitionId ?? throw new ArgumentNullException(nameof(definitionId)));

    /// <summary>One offering joined with its definition, or null.</summary>
    public CatalogModel? FindModel(string providerId, string modelId)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ArgumentNullException.ThrowIfNull(modelId);
        return _models.GetValueOrDefault(new OfferingKey(providerId, modelId));
    }

    /// <summary>Offerings credited to an author.</summary>
    public EquatableArray<CatalogModel> AuthorModels(string authorId) =>
        _modelsByAuthor.GetValueOrDefault(authorId ?? throw new ArgumentNullException(nameof(authorId)));

    /// <summary>Every offering of the model <paramref name="id"/> (<see cref="ModelEndpointRule"/>), or null when none and no such definition.</summary>
    public ModelEndpoints? FindModelEndpoints(string id) =>
        ModelEndpointRule.Find(this, id ?? throw new ArgumentNullException(nameof(id)));

    /// <summary>Validates and runs a query (over this snapshot's query index, built on the first query).</summary>
    public ModelPage Query(ModelQuery query) => ModelIndex.Of(this).Execute(query, Generation);

    /// <summary>Joins every provider's offerings against the authors' definitions and rules.</summary>
    private static CatalogSnapshot Rejoin(long generation, Dictionary<string, ProviderDetails> providers, Dictionary<string, AuthorDetails> authors)
    {
        var definitions = IndexDefinitions(authors);
        var attribution = Attribution.Create(authors.Values.OrderBy(a => a.Author.Id, Ordinal).Select(a => a.Author));
        var models = providers.ToDictionary(p => p.Key, p => Join(p.Value, definitions, attribution), Ordinal);
        return new CatalogSnapshot(generation, providers, authors, definitions, models, attribution);
    }

    private static Dictionary<string, ModelDefinition> IndexDefinitions(Dictionary<string, AuthorDetails> authors)
    {
        var definitions = new Dictionary<string, ModelDefinition>(Ordinal);
        var ordered = authors.Values.OrderBy(a => a.Author.Id, Ordinal).ToList();
        // An author's definitions should all start with its ID. Should a stray one share an ID with
        // the real owner's, the owner wins; between strays, the first author by ID wins.
        foreach (var details in ordered)
        {
            foreach (var definition in details.Definitions)
            {
                if (string.Equals(definition.AuthorId, details.Author.Id, StringComparison.Ordinal))
                {
                    definitions.TryAdd(definition.Id, definition);
                }
            }
        }
        foreach (var details in ordered)
        {
            foreach (var definition in details.Definitions)
            {
                definitions.TryAdd(definition.Id, definition);
            }
        }
        return definitions;
    }

    private static CatalogModel[] Join(ProviderDetails details, Dictionary<string, ModelDefinition> definitions, Attribution attribution)
    {
        var providerId = details.Provider.Id;
        var models = new CatalogModel[details.Offerings.Count];
        var seen = new HashSet<string>(Ordinal);
        for (var i = 0; i < models.Length; i++)
        {
            var offering = details.Offerings[i];
            if (!string.Equals(offering.ProviderId, providerId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"offering '{offering.ModelId}' names provider '{offering.ProviderId}' but is listed under '{providerId}'", nameof(details));
            }
            if (!seen.Add(offering.ModelId))
            {
                throw new ArgumentException($"provider '{providerId}' lists offering '{offering.ModelId}' twice", nameof(details));
            }
            var definition = offering.DefinitionId is { } id ? definitions.GetValueOrDefault(id) : null;
            models[i] = new CatalogModel
            {
                Offering = offering,
                Definition = definition,
                AuthorIds = attribution.Credit(offering, definition),
                ProviderVersion = details.Version,
            };
        }
        // Offerings are meant to arrive sorted; sorting again keeps the snapshot's order a guarantee.
        Array.Sort(models, (a, b) => string.CompareOrdinal(a.ModelId, b.ModelId));
        return models;
    }
}
