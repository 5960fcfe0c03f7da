using System.Collections.Concurrent;
using Starmap.Catalog.Query;

namespace Starmap.Catalog.Snapshot;

/// <summary>
/// One immutable published catalog generation: providers, authors, definitions, offerings joined
/// with definitions and credited authors, and projected endpoints. Readers share it without copying;
/// a publish builds a new snapshot and swaps it in whole.
/// </summary>
/// <remarks>
/// The next snapshot shares every part the change did not touch (<see cref="WithChanges"/>): each
/// provider's joined offerings and lookups (<see cref="ProviderModels"/>) and each author's definitions
/// are reused as they are, so a publish costs what it changed. A provider change joins that provider's
/// offerings; an author change joins again only the offerings linking to the definitions it changed,
/// unless it changed attribution rules, which rejoins the providers those rules can reach. The sorted
/// whole-catalog lists are built on first use.
/// </remarks>
public sealed partial class CatalogSnapshot
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    private readonly Dictionary<string, ProviderDetails> _providers;
    private readonly Dictionary<string, AuthorDetails> _authors;
    private readonly Dictionary<string, Dictionary<string, ModelDefinition>> _authorDefinitions;
    private readonly Dictionary<string, ModelDefinition> _definitions;
    private readonly Dictionary<string, ProviderModels> _models;
    private readonly Attribution _attribution;
    private readonly Lazy<EquatableArray<Provider>> _providerList;
    private readonly Lazy<EquatableArray<Author>> _authorList;
    private readonly Lazy<EquatableArray<ModelDefinition>> _definitionList;
    private readonly Lazy<EquatableArray<CatalogModel>> _modelList;
    private readonly Lazy<EquatableArray<Endpoint>> _endpointList;
    private readonly ConcurrentDictionary<string, EquatableArray<CatalogModel>> _authorModels = new(Ordinal);

    // The snapshot this one was made from by WithChanges, held weakly (a chain of strong links would keep
    // every generation alive): its query index, if built, seeds this one's (ModelIndex.Of).
    private WeakReference<CatalogSnapshot>? _derivedFrom;

    /// <summary>The empty catalog at generation 0.</summary>
    public static CatalogSnapshot Empty { get; } = new(0, new(Ordinal), new(Ordinal), new(Ordinal), new(Ordinal), new(Ordinal), Attribution.None);

    private CatalogSnapshot(
        long generation,
        Dictionary<string, ProviderDetails> providers,
        Dictionary<string, AuthorDetails> authors,
        Dictionary<string, Dictionary<string, ModelDefinition>> authorDefinitions,
        Dictionary<string, ModelDefinition> definitions,
        Dictionary<string, ProviderModels> models,
        Attribution attribution)
    {
        Generation = generation;
        _providers = providers;
        _authors = authors;
        _authorDefinitions = authorDefinitions;
        _definitions = definitions;
        _models = models;
        _attribution = attribution;
        _providerList = new(() => providers.Values.Select(p => p.Provider).OrderBy(p => p.Id, Ordinal).ToEquatableArray());
        _authorList = new(() => authors.Values.Select(a => a.Author).OrderBy(a => a.Id, Ordinal).ToEquatableArray());
        _definitionList = new(() => definitions.Values.OrderBy(d => d.Id, Ordinal).ToEquatableArray());
        // Each provider's models are already sorted by model ID, so ordering providers sorts the whole.
        _modelList = new(() => models.OrderBy(p => p.Key, Ordinal).SelectMany(p => p.Value.Sorted).ToEquatableArray());
        _endpointList = new(() => providers.Values.SelectMany(p => EndpointProjection.Of(p.Provider)).OrderBy(e => e.Id, Ordinal).ToEquatableArray());
    }

    /// <summary>Generation number.</summary>
    public long Generation { get; }

    /// <summary>Providers sorted by ID.</summary>
    public EquatableArray<Provider> Providers => _providerList.Value;

    /// <summary>Authors sorted by ID.</summary>
    public EquatableArray<Author> Authors => _authorList.Value;

    /// <summary>Definitions sorted by ID.</summary>
    public EquatableArray<ModelDefinition> Definitions => _definitionList.Value;

    /// <summary>Offerings joined with definitions, sorted by provider then model ID (ordinal).</summary>
    public EquatableArray<CatalogModel> Models => _modelList.Value;

    /// <summary>Endpoints projected from providers' inference config, sorted by ID.</summary>
    public EquatableArray<Endpoint> Endpoints => _endpointList.Value;

    /// <summary>Number of providers (without building the sorted list).</summary>
    public int ProviderCount => _providers.Count;

    /// <summary>Number of authors (without building the sorted list).</summary>
    public int AuthorCount => _authors.Count;

    /// <summary>
    /// Number of definitions (without building the sorted list: the registry answers its status after every publish,
    /// and sorting every definition for a count was most of that answer's cost).
    /// </summary>
    public int DefinitionCount => _definitions.Count;

    /// <summary>Number of offerings (without building the sorted list).</summary>
    public int ModelCount => _models.Values.Sum(m => m.Sorted.Length);

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
        var authorDefinitions = authorMap.ToDictionary(p => p.Key, p => IndexOwn(p.Value), Ordinal);
        var definitions = new Dictionary<string, ModelDefinition>(Ordinal);
        foreach (var id in authorDefinitions.Values.SelectMany(d => d.Keys).Distinct(Ordinal))
        {
            if (Resolve(id, authorMap, authorDefinitions, OrderedIds(authorMap)) is { } definition)
            {
                definitions[id] = definition;
            }
        }
        var attribution = CreateAttribution(authorMap);
        var models = providerMap.ToDictionary(p => p.Key, p => ProviderModels.Join(p.Value, definitions, attribution), Ordinal);
        return new CatalogSnapshot(generation, providerMap, authorMap, authorDefinitions, definitions, models, attribution);
    }

    /// <summary>A new snapshot with one provider replaced (null removes it).</summary>
    public CatalogSnapshot WithProvider(string providerId, ProviderDetails? details, long generation)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        return WithChanges(generation, [KeyValuePair.Create(providerId, details)], []);
    }

    /// <summary>A new snapshot with one author replaced (null removes it).</summary>
    public CatalogSnapshot WithAuthor(string authorId, AuthorDetails? details, long generation)
    {
        ArgumentNullException.ThrowIfNull(authorId);
        return WithChanges(generation, [], [KeyValuePair.Create(authorId, details)]);
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
        return _models.TryGetValue(providerId, out var models) ? models.ById.GetValueOrDefault(modelId) : null;
    }

    /// <summary>Offerings credited to an author, sorted by provider then model ID.</summary>
    public EquatableArray<CatalogModel> AuthorModels(string authorId) =>
        _authorModels.GetOrAdd(authorId ?? throw new ArgumentNullException(nameof(authorId)), static (id, models) =>
            models.OrderBy(p => p.Key, Ordinal)
                .SelectMany(p => p.Value.ByAuthor.GetValueOrDefault(id) ?? [])
                .ToEquatableArray(), _models);

    /// <summary>Every offering of the model <paramref name="id"/> (<see cref="ModelEndpointRule"/>), or null when none and no such definition.</summary>
    public ModelEndpoints? FindModelEndpoints(string id) =>
        ModelEndpointRule.Find(this, id ?? throw new ArgumentNullException(nameof(id)));

    /// <summary>The snapshot this one was made from by <see cref="WithChanges"/>, while it is alive.</summary>
    internal CatalogSnapshot? DerivedFrom => _derivedFrom is { } link && link.TryGetTarget(out var source) ? source : null;

    /// <summary>Each provider's joined offerings, by provider ID: <see cref="Models"/> is their concatenation in this order.</summary>
    internal IEnumerable<KeyValuePair<string, ProviderModels>> ModelsByProvider() => _models.OrderBy(p => p.Key, Ordinal);

    /// <summary>Validates and runs a query (over this snapshot's query index, built on the first query).</summary>
    public ModelPage Query(ModelQuery query) => ModelIndex.Of(this).Execute(query, Generation);

    /// <summary>An author's own definitions by ID (the first of a repeated ID counts).</summary>
    private static Dictionary<string, ModelDefinition> IndexOwn(AuthorDetails details)
    {
        var index = new Dictionary<string, ModelDefinition>(details.Definitions.Count, Ordinal);
        foreach (var definition in details.Definitions)
        {
            index.TryAdd(definition.Id, definition);
        }
        return index;
    }

    /// <summary>
    /// The definition the catalog serves for <paramref name="id"/>. An author's definitions should all
    /// start with its ID; should a stray one share an ID with the real owner's, the owner wins; between
    /// strays, the first author by ID wins.
    /// </summary>
    private static ModelDefinition? Resolve(
        string id,
        Dictionary<string, AuthorDetails> authors,
        Dictionary<string, Dictionary<string, ModelDefinition>> authorDefinitions,
        Lazy<List<string>> orderedAuthorIds)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var owner = slash < 0 ? id : id[..slash];
        if (authors.ContainsKey(owner) && authorDefinitions[owner].TryGetValue(id, out var owned))
        {
            return owned;
        }
        foreach (var authorId in orderedAuthorIds.Value)
        {
            if (authorDefinitions[authorId].TryGetValue(id, out var stray))
            {
                return stray;
            }
        }
        return null;
    }

    private static Lazy<List<string>> OrderedIds(Dictionary<string, AuthorDetails> authors) =>
        new(() => authors.Keys.Order(Ordinal).ToList(), LazyThreadSafetyMode.None);

    private static Attribution CreateAttribution(Dictionary<string, AuthorDetails> authors) =>
        Attribution.Create(authors.Values.OrderBy(a => a.Author.Id, Ordinal).Select(a => a.Author));
}
