namespace Starmap.Catalog.Sync;

/// <summary>
/// An offering's provenance by exact field path. A record written when a subtree was merged whole (an
/// older <c>pricing</c> entry) is handed down to each field below it that has no record of its own, so a
/// field merged on its own (<c>pricing.tokens.cache_read</c>) keeps the source it came from and the
/// whole-subtree record goes away once every field below it has its own.
/// </summary>
internal static class ProvenanceIndex
{
    public static Dictionary<string, FieldProvenance> Of(IEnumerable<FieldProvenance> provenance, FieldMap? fields)
    {
        var byPath = provenance.DistinctBy(p => p.Path, StringComparer.Ordinal).ToDictionary(p => p.Path, StringComparer.Ordinal);
        if (fields is null || byPath.Count == 0)
        {
            return byPath;
        }
        var handedDown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in fields.Fields.Keys)
        {
            if (byPath.ContainsKey(path) || Enclosing(path, byPath) is not { } enclosing)
            {
                continue;
            }
            byPath[path] = enclosing with { Path = path };
            handedDown.Add(enclosing.Path);
        }
        foreach (var path in handedDown.Where(p => fields[p] is null))
        {
            byPath.Remove(path);
        }
        return byPath;
    }

    // The record of the closest enclosing subtree: "pricing" for "pricing.tiers[200000].tokens.input".
    private static FieldProvenance? Enclosing(string path, Dictionary<string, FieldProvenance> byPath)
    {
        for (var end = path.Length - 1; end > 0; end--)
        {
            if (path[end] is '.' or '[' && byPath.TryGetValue(path[..end], out var entry))
            {
                return entry;
            }
        }
        return null;
    }
}
