namespace Starmap.Catalog.Query;

/// <summary>
/// Orders models by a <see cref="ModelSort"/> key. Unknown values sort last in both directions (a
/// model with no price is not the cheapest, nor the dearest); ties break by provider then model ID,
/// ascending and ordinal, so pages are stable.
/// </summary>
internal sealed class ModelOrder : IComparer<CatalogModel>
{
    private readonly ModelSort _sort;
    private readonly int _direction;
    private readonly Func<CatalogModel, int>? _rank;

    private ModelOrder(ModelSort sort, SortOrder order, Func<CatalogModel, int>? rank)
    {
        _sort = sort;
        _direction = order == SortOrder.Descending ? -1 : 1;
        _rank = rank;
    }

    /// <summary>The order for <paramref name="sort"/>; <paramref name="rank"/> gives each model's search rank for <see cref="ModelSort.Relevance"/>.</summary>
    public static ModelOrder For(ModelSort sort, SortOrder order, Func<CatalogModel, int>? rank = null) => new(sort, order, rank);

    public int Compare(CatalogModel? x, CatalogModel? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var primary = _sort switch
        {
            ModelSort.Id => _direction * ByKey(x, y),
            ModelSort.Name => _direction * StringComparer.OrdinalIgnoreCase.Compare(x.Name, y.Name),
            ModelSort.ReleaseDate => Nullable(x.ReleaseDate, y.ReleaseDate),
            ModelSort.Context => Nullable(x.ContextWindow, y.ContextWindow),
            ModelSort.InputPrice => Nullable(x.InputPrice, y.InputPrice),
            ModelSort.OutputPrice => Nullable(x.OutputPrice, y.OutputPrice),
            ModelSort.KnowledgeCutoff => Nullable(x.KnowledgeCutoff, y.KnowledgeCutoff),
            // Best match first whatever the order: "descending relevance" would mean worst first.
            ModelSort.Relevance => _rank is null ? 0 : _rank(x).CompareTo(_rank(y)),
            _ => 0,
        };
        return primary != 0 ? primary : ByKey(x, y);
    }

    private int Nullable<T>(T? x, T? y) where T : struct, IComparable<T> => (x, y) switch
    {
        ({ } a, { } b) => _direction * a.CompareTo(b),
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
    };

    private static int ByKey(CatalogModel x, CatalogModel y)
    {
        var provider = string.CompareOrdinal(x.ProviderId, y.ProviderId);
        return provider != 0 ? provider : string.CompareOrdinal(x.ModelId, y.ModelId);
    }
}
