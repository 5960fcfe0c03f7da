namespace Starmap.Catalog.Snapshot;

/// <summary>
/// One provider's offerings joined with definitions and credits, with the lookups built once: shared
/// unchanged by every later snapshot until this provider, or a definition or rule its offerings use,
/// changes. That is what makes a publish cost what it changed rather than the catalog's size.
/// </summary>
internal sealed class ProviderModels
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    private ProviderModels(CatalogModel[] sorted)
    {
        Sorted = sorted;
        ById = new Dictionary<string, CatalogModel>(sorted.Length, Ordinal);
        DefinitionIds = new HashSet<string>(Ordinal);
        var byAuthor = new Dictionary<string, List<CatalogModel>>(Ordinal);
        foreach (var model in sorted)
        {
            ById[model.ModelId] = model;
            if (model.Offering.DefinitionId is { } definitionId)
            {
                DefinitionIds.Add(definitionId);
            }
            foreach (var author in model.AuthorIds)
            {
                if (!byAuthor.TryGetValue(author, out var list))
                {
                    byAuthor[author] = list = [];
                }
                list.Add(model);
            }
        }
        ByAuthor = byAuthor.ToDictionary(p => p.Key, p => p.Value.ToArray(), Ordinal);
    }

    /// <summary>The joined offerings, sorted by model ID (ordinal).</summary>
    public CatalogModel[] Sorted { get; }

    /// <summary>The joined offerings by model ID.</summary>
    public Dictionary<string, CatalogModel> ById { get; }

    /// <summary>Definition IDs the offerings link to (present in the catalog or not).</summary>
    public HashSet<string> DefinitionIds { get; }

    /// <summary>The joined offerings per credited author, in model order.</summary>
    public Dictionary<string, CatalogModel[]> ByAuthor { get; }

    /// <summary>Joins every offering of <paramref name="details"/>.</summary>
    /// <exception cref="ArgumentException">An offering names another provider, or one is listed twice.</exception>
    public static ProviderModels Join(ProviderDetails details, IReadOnlyDictionary<string, ModelDefinition> definitions, Attribution attribution) =>
        Join(details, definitions, attribution, previous: null);

    /// <summary>
    /// Joins <paramref name="details"/>, a new state of this provider, under the definitions and rules this
    /// instance was joined with: an offering this instance already holds (the same object) keeps its join,
    /// so a write or an undone change costs what it touched, not the provider's size.
    /// </summary>
    /// <exception cref="ArgumentException">An offering names another provider, or one is listed twice.</exception>
    public ProviderModels Update(ProviderDetails details, IReadOnlyDictionary<string, ModelDefinition> definitions, Attribution attribution) =>
        Join(details, definitions, attribution, this);

    private static ProviderModels Join(
        ProviderDetails details, IReadOnlyDictionary<string, ModelDefinition> definitions, Attribution attribution, ProviderModels? previous)
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
            models[i] = previous?.ById.GetValueOrDefault(offering.ModelId) is { } joined && ReferenceEquals(joined.Offering, offering)
                ? (joined.ProviderVersion == details.Version ? joined : joined with { ProviderVersion = details.Version })
                : JoinOne(offering, details.Version, definitions, attribution);
        }
        // Offerings are meant to arrive sorted; sorting again keeps the snapshot's order a guarantee.
        Array.Sort(models, (a, b) => string.CompareOrdinal(a.ModelId, b.ModelId));
        return new ProviderModels(models);
    }

    /// <summary>
    /// The same offerings with only those linking to one of <paramref name="definitionIds"/> joined again
    /// (their definition or its credits changed); this instance when none does.
    /// </summary>
    public ProviderModels Rejoin(IReadOnlySet<string> definitionIds, IReadOnlyDictionary<string, ModelDefinition> definitions, Attribution attribution)
    {
        if (!DefinitionIds.Overlaps(definitionIds))
        {
            return this;
        }
        var models = (CatalogModel[])Sorted.Clone();
        for (var i = 0; i < models.Length; i++)
        {
            if (models[i].Offering.DefinitionId is { } id && definitionIds.Contains(id))
            {
                models[i] = JoinOne(models[i].Offering, models[i].ProviderVersion, definitions, attribution);
            }
        }
        return new ProviderModels(models);
    }

    private static CatalogModel JoinOne(Offering offering, long providerVersion, IReadOnlyDictionary<string, ModelDefinition> definitions, Attribution attribution)
    {
        var definition = offering.DefinitionId is { } id ? definitions.GetValueOrDefault(id) : null;
        return new CatalogModel
        {
            Offering = offering,
            Definition = definition,
            AuthorIds = attribution.Credit(offering, definition),
            ProviderVersion = providerVersion,
        };
    }
}
