using System.Globalization;

namespace Starmap.Formats.Yaml;

/// <summary>
/// Collects what an import leaves behind, one entry per kind (not per occurrence), so a catalog with
/// 600 files that all carry <c>extensions</c> yields one line, with a count and the first place seen.
/// </summary>
internal sealed class ImportWarnings
{
    private readonly Dictionary<string, (int Count, string File, long Line)> _kinds = new(StringComparer.Ordinal);

    public void Add(string kind, string file, long line)
    {
        _kinds[kind] = _kinds.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.File, seen.Line) : (1, file, line);
    }

    public EquatableArray<string> ToArray() => _kinds
        .OrderBy(k => k.Key, StringComparer.Ordinal)
        .Select(k => string.Create(CultureInfo.InvariantCulture,
            $"{k.Key} ({k.Value.Count} {(k.Value.Count == 1 ? "time" : "times")}, first at {k.Value.File}:{k.Value.Line})"))
        .ToEquatableArray();
}
