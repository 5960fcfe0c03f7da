using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Query;

/// <summary>Filters, sorts and pages catalog models. Pure; never mutates its input.</summary>
public static class ModelQueryEngine
{
    /// <summary>
    /// Up to this many leading results (offset + limit), a page is selected in one pass into a small sorted
    /// buffer instead of collecting and sorting every match: no per-match list, no sort buffers.
    /// </summary>
    private const int SelectionLimit = 256;

    /// <summary>Validates <paramref name="query"/> and runs it over <paramref name="models"/>.</summary>
    /// <exception cref="StarmapValidationException">The query breaks a rule; the field is the filter name.</exception>
    public static ModelPage Execute(IReadOnlyList<CatalogModel> models, ModelQuery query, long generation)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(query);
        CatalogValidator.Validate(query);

        var filter = new ModelFilter(query);
        var order = ModelOrder.For(query.Sort, query.Order, filter.RankOf);
        var limit = query.Limit ?? ModelQuery.DefaultLimit;
        var (total, page) = (long)query.Offset + limit <= SelectionLimit
            ? Select(models, filter, order, query.Offset, limit)
            : SortAll(models, filter, order, query.Offset, limit);
        return new ModelPage
        {
            Generation = generation,
            Total = total,
            Offset = query.Offset,
            Limit = limit,
            Items = page,
        };
    }

    /// <summary>
    /// Keeps the first offset + limit matches in order while scanning. A match goes after every kept one
    /// that orders equal to it, so equal keys keep their input order, exactly as a stable sort would.
    /// </summary>
    private static (int Total, EquatableArray<CatalogModel> Page) Select(
        IReadOnlyList<CatalogModel> models, ModelFilter filter, IComparer<CatalogModel> order, int offset, int limit)
    {
        var kept = new CatalogModel[offset + limit];
        var count = 0;
        var total = 0;
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (!filter.Matches(model))
            {
                continue;
            }
            total++;
            if (kept.Length == 0)
            {
                continue;
            }
            var at = UpperBound(kept, count, model, order);
            if (at == kept.Length)
            {
                continue; // orders after everything kept, and the buffer is full
            }
            var moved = Math.Min(count, kept.Length - 1) - at;
            Array.Copy(kept, at, kept, at + 1, moved);
            kept[at] = model;
            count = Math.Min(count + 1, kept.Length);
        }
        var start = Math.Min(offset, count);
        return (total, EquatableArray.Create<CatalogModel>(kept.AsSpan(start, count - start)));
    }

    /// <summary>The first index whose model orders strictly after <paramref name="model"/> (count when none).</summary>
    private static int UpperBound(CatalogModel[] kept, int count, CatalogModel model, IComparer<CatalogModel> order)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (order.Compare(kept[middle], model) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Deep pages: every match collected and stably sorted.</summary>
    private static (int Total, EquatableArray<CatalogModel> Page) SortAll(
        IReadOnlyList<CatalogModel> models, ModelFilter filter, IComparer<CatalogModel> order, int offset, int limit)
    {
        var matches = new List<CatalogModel>();
        for (var i = 0; i < models.Count; i++)
        {
            if (filter.Matches(models[i]))
            {
                matches.Add(models[i]);
            }
        }
        // OrderBy is stable, so even duplicate keys in the input come out in a fixed order.
        var page = matches.OrderBy(m => m, order).Skip(offset).Take(limit).ToEquatableArray();
        return (matches.Count, page);
    }
}
