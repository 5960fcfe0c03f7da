namespace Starmap.Http;

/// <summary>
/// What one <c>catalog.published</c> event reports: the generation and the providers and authors whose
/// state changed since the previous event (added, changed or deleted). Null lists mean "not known"
/// (the first generation this silo saw, or a catch-up after a reconnect).
/// </summary>
public sealed record CatalogChange(long Generation, IReadOnlyList<string>? Providers, IReadOnlyList<string>? Authors)
{
    /// <summary>The change from <paramref name="before"/> (null: unknown) to <paramref name="after"/>.</summary>
    public static CatalogChange Between(CatalogVersions? before, CatalogVersions after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null
            ? new CatalogChange(after.Generation, null, null)
            : new CatalogChange(after.Generation, Changed(before.Providers, after.Providers), Changed(before.Authors, after.Authors));
    }

    private static List<string> Changed(EquatableArray<EntityStamp> before, EquatableArray<EntityStamp> after)
    {
        var old = before.ToDictionary(s => s.Id, s => s.Version, StringComparer.Ordinal);
        var now = after.ToDictionary(s => s.Id, s => s.Version, StringComparer.Ordinal);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(id => !old.TryGetValue(id, out var was) || !now.TryGetValue(id, out var @is) || was != @is)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
