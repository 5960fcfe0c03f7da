using Starmap.Catalog.Patterns;

namespace Starmap.Catalog.Query;

/// <summary>
/// The filters of one <see cref="ModelQuery"/>, prepared once. Every given filter must hold, and a
/// model whose value is unknown never satisfies a filter on that value.
/// </summary>
internal sealed class ModelFilter(ModelQuery query)
{
    private readonly HashSet<string>? _providers = query.Providers.IsEmpty ? null : new(query.Providers, StringComparer.Ordinal);
    private readonly string[] _authors = [.. query.Authors];
    private readonly HashSet<string>? _families = query.Families.IsEmpty ? null : new(query.Families, StringComparer.OrdinalIgnoreCase);
    private readonly ModelSearch? _search = ModelSearch.For(query.Search);

    // Each match's search rank, kept so sorting by relevance does not search again; keyed by reference
    // (the snapshot's own model objects), and read only while this query runs.
    private readonly Dictionary<CatalogModel, int> _ranks = new(ReferenceEqualityComparer.Instance);

    /// <summary>The search rank of a model that matched (0 best); 0 for every model without a search.</summary>
    public int RankOf(CatalogModel model) => _search is null ? 0 : _ranks.TryGetValue(model, out var rank) ? rank : _search.Rank(model) ?? int.MaxValue;

    public bool Matches(CatalogModel model) =>
        (_providers is null || _providers.Contains(model.ProviderId))
        && MatchesAuthor(model)
        && MatchesId(model)
        && (query.Name is null || Wildcard.IsMatch(query.Name, model.Name))
        && (query.NameContains is null || model.Name.Contains(query.NameContains, StringComparison.OrdinalIgnoreCase))
        && HasAll(model.InputModalities, query.InputModalities)
        && HasAll(model.OutputModalities, query.OutputModalities)
        && MatchesFeatures(model)
        && AtLeast(model.ContextWindow, query.MinContext)
        && AtMost(model.ContextWindow, query.MaxContext)
        && AtMost(model.InputPrice, query.MaxInputPrice)
        && AtMost(model.OutputPrice, query.MaxOutputPrice)
        && AtLeast(model.ReleaseDate, query.ReleasedAfter)
        && AtMost(model.ReleaseDate, query.ReleasedBefore)
        && (query.Statuses.IsEmpty || query.Statuses.Contains(model.Status))
        && (query.OpenWeights is not { } open || model.OpenWeights == open)
        && (_families is null || (model.Family is { } family && _families.Contains(family)))
        && MatchesSearch(model);

    private bool MatchesSearch(CatalogModel model)
    {
        if (_search is null)
        {
            return true;
        }
        if (_search.Rank(model) is not { } rank)
        {
            return false;
        }
        _ranks[model] = rank;
        return true;
    }

    private bool MatchesAuthor(CatalogModel model)
    {
        if (_authors.Length == 0)
        {
            return true;
        }
        foreach (var author in _authors)
        {
            if (model.AuthorIds.Contains(author))
            {
                return true;
            }
        }
        return false;
    }

    // The ID filter also matches the linked definition ID, so id=openai/gpt-4o finds every
    // provider's offering of that model, not just a provider whose own ID happens to be spelled so.
    private bool MatchesId(CatalogModel model) =>
        query.Id is not { } pattern
        || Wildcard.IsMatch(pattern, model.ModelId)
        || (model.Offering.DefinitionId is { } definitionId && Wildcard.IsMatch(pattern, definitionId));

    private bool MatchesFeatures(CatalogModel model)
    {
        foreach (var feature in query.Features)
        {
            if (model.Supports(feature) != true)
            {
                return false;
            }
        }
        foreach (var feature in query.WithoutFeatures)
        {
            if (model.Supports(feature) != false)
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasAll(EquatableArray<Modality>? known, EquatableArray<Modality> required)
    {
        if (required.IsEmpty)
        {
            return true;
        }
        if (known is not { } list)
        {
            return false;
        }
        foreach (var modality in required)
        {
            if (!list.Contains(modality))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AtLeast<T>(T? value, T? bound) where T : struct, IComparable<T> =>
        bound is not { } b || (value is { } v && v.CompareTo(b) >= 0);

    private static bool AtMost<T>(T? value, T? bound) where T : struct, IComparable<T> =>
        bound is not { } b || (value is { } v && v.CompareTo(b) <= 0);
}
