using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Wildcard filtering of whole lists by ID and name, with "not found" errors for exact IDs.</summary>
internal static class Wildcards
{
    /// <summary>Items whose key matches any pattern (all items when none is given); exact keys that match nothing are returned as missing.</summary>
    public static (List<T> Matches, List<string> Missing) Filter<T>(IEnumerable<T> items, Func<T, string> key, IReadOnlyList<string>? patterns)
    {
        var all = items.ToList();
        if (patterns is null || patterns.Count == 0)
        {
            return (all, []);
        }
        var compiled = patterns.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        var matches = all.Where(item => compiled.Any(p => p.IsMatch(key(item)))).ToList();
        var missing = patterns
            .Where(p => !WildcardPattern.ContainsWildcardCharacters(p) && !all.Any(item => string.Equals(key(item), p, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return (matches, missing);
    }

    /// <summary>Items whose name matches any of the patterns (all when none is given).</summary>
    public static List<T> ByName<T>(List<T> items, Func<T, string> name, IReadOnlyList<string>? patterns)
    {
        if (patterns is null || patterns.Count == 0)
        {
            return items;
        }
        var compiled = patterns.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        return items.Where(i => compiled.Any(p => p.IsMatch(name(i)))).ToList();
    }
}
