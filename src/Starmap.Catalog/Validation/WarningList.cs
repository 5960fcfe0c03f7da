using System.Globalization;

namespace Starmap.Catalog.Validation;

/// <summary>
/// The one collector of what reading outside data left behind (a provider response, a models.dev snapshot,
/// a Starmap file tree). A warning is kept once, in the order first seen, up to a cap (so one broken input
/// cannot produce megabytes of them), with a count of the rest. A warning added with a place
/// (<see cref="Add(string, string, long)"/>) is kept once per kind with its count and the first place seen,
/// so a catalog of 600 files that all carry <c>extensions</c> yields one line.
/// </summary>
public sealed class WarningList
{
    private const int Cap = 200;
    private readonly List<string> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, string File, long Line)> _kinds = new(StringComparer.Ordinal);
    private int _dropped;

    /// <summary>Adds <paramref name="warning"/> unless it was added before.</summary>
    public void Add(string warning)
    {
        if (!_seen.Add(warning))
        {
            return;
        }
        if (_items.Count < Cap)
        {
            _items.Add(warning);
        }
        else
        {
            _dropped++;
        }
    }

    /// <summary>Counts one more <paramref name="kind"/>, remembering where it was first seen.</summary>
    public void Add(string kind, string file, long line) =>
        _kinds[kind] = _kinds.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.File, seen.Line) : (1, file, line);

    /// <summary>The warnings, then the kinds (sorted, each with its count and first place), then how many were dropped.</summary>
    public EquatableArray<string> ToArray()
    {
        var kinds = _kinds
            .OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => string.Create(CultureInfo.InvariantCulture,
                $"{k.Key} ({k.Value.Count} {(k.Value.Count == 1 ? "time" : "times")}, first at {k.Value.File}:{k.Value.Line})"));
        var all = _items.Concat(kinds);
        return (_dropped == 0 ? all : all.Append(string.Create(CultureInfo.InvariantCulture, $"... and {_dropped} more warnings"))).ToEquatableArray();
    }
}
