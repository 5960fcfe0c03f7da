using System.Globalization;

namespace Starmap.Testing;

/// <summary>
/// The normalizations a Starmap import → export may still make, as <c>docs/starmap-roundtrip.md</c>
/// lists them: a table whose rows are <c>| fixture | `pattern` | change | count | why |</c>. The
/// round-trip tests measure the differences and compare them with this list, so the doc is the list.
/// </summary>
public static class RoundTripAllowList
{
    /// <summary>The doc's path in the repository.</summary>
    public static string DocPath => Path.Combine(RepositoryRoot(), "docs", "starmap-roundtrip.md");

    /// <summary>Allowed counts for <paramref name="fixture"/>, keyed like <see cref="CatalogTreeDiff.Summarize"/>.</summary>
    public static SortedDictionary<string, int> For(string fixture)
    {
        var allowed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(DocPath))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            // | fixture | `pattern` | change | count | why |  → "", fixture, pattern, change, count, why, ""
            if (cells.Length == 7 && cells[1] == fixture && cells[2].StartsWith('`'))
            {
                allowed[cells[2].Trim('`') + " " + cells[3]] = int.Parse(cells[4].Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
        }
        return allowed;
    }

    /// <summary>Null when <paramref name="measured"/> is exactly the allowed list; otherwise what differs, one line each.</summary>
    public static string? Check(IReadOnlyDictionary<string, int> measured, IReadOnlyDictionary<string, int> allowed)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(allowed);
        var problems = measured.Keys.Union(allowed.Keys).Order(StringComparer.Ordinal)
            .Where(k => measured.GetValueOrDefault(k) != allowed.GetValueOrDefault(k))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}: measured {measured.GetValueOrDefault(k)}, docs/starmap-roundtrip.md lists {allowed.GetValueOrDefault(k)}"))
            .ToList();
        return problems.Count == 0 ? null : string.Join('\n', problems);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Starmap.Orleans.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Starmap.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
