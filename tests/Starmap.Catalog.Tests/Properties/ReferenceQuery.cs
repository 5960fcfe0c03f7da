using System.Text.RegularExpressions;

namespace Starmap.Catalog.Tests.Properties;

/// <summary>
/// A deliberately plain model query, written apart from the engine: one LINQ clause per filter, a
/// regex for wildcards, and sorting as "known values ordered, then unknown values".
/// </summary>
internal static class ReferenceQuery
{
    public static (int Total, List<CatalogModel> Items) Run(IEnumerable<CatalogModel> models, ModelQuery q)
    {
        var r = models;
        if (q.Providers.Count > 0) r = r.Where(m => q.Providers.Contains(m.Offering.ProviderId));
        if (q.Authors.Count > 0) r = r.Where(m => q.Authors.Any(a => m.AuthorIds.Contains(a)));
        if (q.Id != null) r = r.Where(m => Like(m.Offering.ModelId, q.Id) || (m.Offering.DefinitionId != null && Like(m.Offering.DefinitionId, q.Id)));
        if (q.Name != null) r = r.Where(m => Like(m.Name, q.Name));
        if (q.NameContains != null) r = r.Where(m => Regex.IsMatch(m.Name, Regex.Escape(q.NameContains), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        if (q.InputModalities.Count > 0) r = r.Where(m => m.InputModalities != null && q.InputModalities.All(x => m.InputModalities.Value.Contains(x)));
        if (q.OutputModalities.Count > 0) r = r.Where(m => m.OutputModalities != null && q.OutputModalities.All(x => m.OutputModalities.Value.Contains(x)));
        if (q.Features.Count > 0) r = r.Where(m => q.Features.All(f => m.Supports(f) == true));
        if (q.WithoutFeatures.Count > 0) r = r.Where(m => q.WithoutFeatures.All(f => m.Supports(f) == false));
        if (q.MinContext != null) r = r.Where(m => m.ContextWindow != null && m.ContextWindow >= q.MinContext);
        if (q.MaxContext != null) r = r.Where(m => m.ContextWindow != null && m.ContextWindow <= q.MaxContext);
        if (q.MaxInputPrice != null) r = r.Where(m => m.InputPrice != null && m.InputPrice <= q.MaxInputPrice);
        if (q.MaxOutputPrice != null) r = r.Where(m => m.OutputPrice != null && m.OutputPrice <= q.MaxOutputPrice);
        if (q.ReleasedAfter != null) r = r.Where(m => m.ReleaseDate != null && m.ReleaseDate >= q.ReleasedAfter);
        if (q.ReleasedBefore != null) r = r.Where(m => m.ReleaseDate != null && m.ReleaseDate <= q.ReleasedBefore);
        if (q.Statuses.Count > 0) r = r.Where(m => q.Statuses.Contains(m.Status));
        if (q.OpenWeights != null) r = r.Where(m => m.OpenWeights != null && m.OpenWeights == q.OpenWeights);
        if (q.Families.Count > 0) r = r.Where(m => m.Family != null && q.Families.Any(f => string.Equals(f, m.Family, StringComparison.OrdinalIgnoreCase)));

        var matches = r.ToList();
        var sorted = q.Sort switch
        {
            ModelSort.Id when q.Order == SortOrder.Descending =>
                matches.OrderByDescending(m => m.ProviderId, StringComparer.Ordinal).ThenByDescending(m => m.ModelId, StringComparer.Ordinal).ToList(),
            ModelSort.Id => ByKey(matches),
            ModelSort.Name => q.Order == SortOrder.Descending
                ? matches.OrderByDescending(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.ProviderId, StringComparer.Ordinal).ThenBy(m => m.ModelId, StringComparer.Ordinal).ToList()
                : matches.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.ProviderId, StringComparer.Ordinal).ThenBy(m => m.ModelId, StringComparer.Ordinal).ToList(),
            ModelSort.ReleaseDate => KnownThenUnknown(matches, m => m.ReleaseDate, q.Order),
            ModelSort.Context => KnownThenUnknown(matches, m => m.ContextWindow, q.Order),
            ModelSort.InputPrice => KnownThenUnknown(matches, m => m.InputPrice, q.Order),
            ModelSort.OutputPrice => KnownThenUnknown(matches, m => m.OutputPrice, q.Order),
            ModelSort.KnowledgeCutoff => KnownThenUnknown(matches, m => m.KnowledgeCutoff, q.Order),
            // Without a search every match ranks the same, so relevance is provider then model ID (in either order).
            ModelSort.Relevance when q.Search is null => ByKey(matches),
            _ => throw new InvalidOperationException(),
        };
        return (matches.Count, sorted.Skip(q.Offset).Take(q.Limit ?? 100).ToList());
    }

    private static List<CatalogModel> KnownThenUnknown<T>(List<CatalogModel> models, Func<CatalogModel, T?> key, SortOrder order) where T : struct
    {
        var known = models.Where(m => key(m) != null);
        var ordered = order == SortOrder.Descending ? known.OrderByDescending(m => key(m)!.Value) : known.OrderBy(m => key(m)!.Value);
        var unknown = ByKey(models.Where(m => key(m) == null));
        return [.. ordered.ThenBy(m => m.ProviderId, StringComparer.Ordinal).ThenBy(m => m.ModelId, StringComparer.Ordinal), .. unknown];
    }

    private static List<CatalogModel> ByKey(IEnumerable<CatalogModel> models) =>
        [.. models.OrderBy(m => m.ProviderId, StringComparer.Ordinal).ThenBy(m => m.ModelId, StringComparer.Ordinal)];

    private static bool Like(string value, string pattern) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
