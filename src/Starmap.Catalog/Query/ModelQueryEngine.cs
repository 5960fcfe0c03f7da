namespace Starmap.Catalog;

/// <summary>Filters, sorts and pages catalog models. Pure; never mutates its input.</summary>
public static class ModelQueryEngine
{
    /// <summary>Validates <paramref name="query"/> and runs it over <paramref name="models"/>.</summary>
    /// <exception cref="StarmapValidationException">The query breaks a rule; the field is the filter name.</exception>
    public static ModelPage Execute(IReadOnlyList<CatalogModel> models, ModelQuery query, long generation)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(query);
        CatalogValidator.Validate(query);

        var filter = new ModelFilter(query);
        var matches = new List<CatalogModel>();
        for (var i = 0; i < models.Count; i++)
        {
            if (filter.Matches(models[i]))
            {
                matches.Add(models[i]);
            }
        }

        var limit = query.Limit ?? ModelQuery.DefaultLimit;
        // OrderBy is stable, so even duplicate keys in the input come out in a fixed order.
        var page = matches
            .OrderBy(m => m, ModelOrder.For(query.Sort, query.Order))
            .Skip(query.Offset)
            .Take(limit)
            .ToEquatableArray();
        return new ModelPage
        {
            Generation = generation,
            Total = matches.Count,
            Offset = query.Offset,
            Limit = limit,
            Items = page,
        };
    }
}
