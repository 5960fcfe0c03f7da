using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Starmap.Testing;

/// <summary>One scalar that differs between two catalog folders.</summary>
/// <param name="File">The file, relative to the folder, with <c>/</c>.</param>
/// <param name="Path">The value's path inside the file (<c>pricing.tokens.input.per_1m</c>, <c>[openai].name</c>).</param>
/// <param name="Pattern">The path with the file kind in front and list positions folded to <c>[]</c>, for counting.</param>
/// <param name="Change">dropped (only before), added (only after) or changed.</param>
/// <param name="Before">The value before, as written; null when absent.</param>
/// <param name="After">The value after, as written; null when absent.</param>
public sealed record TreeDifference(string File, string Path, string Pattern, string Change, string? Before, string? After);

/// <summary>
/// Compares two folders in Starmap's on-disk layout value by value: every YAML and JSON file is parsed
/// into a tree and flattened to one entry per scalar (comments, key order, quoting and blank lines are
/// not values and do not count); any other file counts as one text value. Scalars are compared as typed
/// YAML 1.2 values: <c>10.00</c> equals <c>10</c>, two spellings of one instant are equal, a quoted
/// <c>"5"</c> is text and differs from the number 5. Lists of mappings that all carry a distinct
/// <c>id</c> are matched by it, other lists by position; empty lists and mappings are values too.
/// A <c>README.md</c> at the top is the folder's own, not the catalog's, and hidden files are skipped.
/// </summary>
public static partial class CatalogTreeDiff
{
    /// <summary>Every scalar that differs between <paramref name="before"/> and <paramref name="after"/>, sorted by file and path.</summary>
    public static IReadOnlyList<TreeDifference> Compare(string before, string after)
    {
        var left = Flatten(before);
        var right = Flatten(after);
        var differences = new List<TreeDifference>();
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var a = left.GetValueOrDefault(key);
            var b = right.GetValueOrDefault(key);
            if (a is not null && b is not null && a.Typed == b.Typed)
            {
                continue;
            }
            var (file, path, pattern) = (a ?? b)!.Where;
            var change = a is null ? "added" : b is null ? "dropped" : "changed";
            differences.Add(new TreeDifference(file, path, pattern, change, a?.Raw, b?.Raw));
        }
        return differences;
    }

    /// <summary>Counts per pattern and change, e.g. <c>offering.description dropped → 473</c>, sorted.</summary>
    public static SortedDictionary<string, int> Summarize(IEnumerable<TreeDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var difference in differences)
        {
            var key = difference.Pattern + " " + difference.Change;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>The number of scalar values in a folder (what a difference count is out of).</summary>
    public static int CountValues(string root) => Flatten(root).Count;

    private sealed record Leaf((string File, string Path, string Pattern) Where, string Typed, string Raw);

    private static Dictionary<string, Leaf> Flatten(string root)
    {
        var leaves = new Dictionary<string, Leaf>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f != "README.md" && !f.Split('/').Any(part => part.StartsWith('.')));
        foreach (var file in files)
        {
            var kind = Kind(file);
            var text = File.ReadAllText(System.IO.Path.Combine(root, file));
            void Add(string path, string pattern, string typed, string raw) =>
                leaves[file + "\u0000" + path] = new Leaf((file, path, kind + pattern), typed, raw);
            if (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count > 0)
                {
                    Walk(stream.Documents[0].RootNode, "", "", Add);
                }
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var document = JsonDocument.Parse(text);
                Walk(document.RootElement, "", "", Add);
            }
            else
            {
                Add("", "", "text:" + text, text);
            }
        }
        return leaves;
    }

    // Model files are counted by kind, not by file, so 613 offerings give one line per path.
    private static string Kind(string file)
    {
        var parts = file.Split('/');
        return parts.Length >= 4 && parts[2] == "models"
            ? parts[0] switch { "providers" => "offering", "authors" => "definition", _ => file }
            : file;
    }

    private delegate void AddLeaf(string path, string pattern, string typed, string raw);

    private static void Walk(YamlNode node, string path, string pattern, AddLeaf add)
    {
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 }:
                add(path, pattern, "{}", "{}");
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    Walk(value, Join(path, name), Join(pattern, name), add);
                }
                break;
            case YamlSequenceNode { Children.Count: 0 }:
                add(path, pattern, "[]", "[]");
                break;
            case YamlSequenceNode sequence:
                var ids = Ids(sequence.Children.Select(c => c is YamlMappingNode m
                    ? m.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "id" }).Value as YamlScalarNode
                    : null).Select(s => s?.Value).ToList());
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], path + "[" + (ids?[i] ?? i.ToString(CultureInfo.InvariantCulture)) + "]", pattern + "[]", add);
                }
                break;
            case YamlScalarNode scalar:
                add(path, pattern, Typed(scalar), scalar.Value ?? "");
                break;
            default:
                throw new InvalidDataException($"unsupported YAML node at {path}");
        }
    }

    private static void Walk(JsonElement element, string path, string pattern, AddLeaf add)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when !element.EnumerateObject().Any():
                add(path, pattern, "{}", "{}");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, Join(path, property.Name), Join(pattern, property.Name), add);
                }
                break;
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                add(path, pattern, "[]", "[]");
                break;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                var ids = Ids(items.Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString() : null).ToList());
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], path + "[" + (ids?[i] ?? i.ToString(CultureInfo.InvariantCulture)) + "]", pattern + "[]", add);
                }
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                add(path, pattern, TypedText(text), text);
                break;
            case JsonValueKind.Number:
                add(path, pattern, TypedPlain(element.GetRawText()), element.GetRawText());
                break;
            default:
                add(path, pattern, TypedPlain(element.GetRawText()), element.GetRawText());
                break;
        }
    }

    // Matched by ID only when every item has one and no two share it.
    private static List<string>? Ids(List<string?> ids) =>
        ids.All(id => id is not null) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count ? [.. ids.Select(id => id!)] : null;

    private static string Typed(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? TypedPlain(scalar.Value ?? "") : TypedText(scalar.Value ?? "");

    // YAML 1.2 core schema for plain scalars.
    private static string TypedPlain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return "null";
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return "bool:" + text.ToUpperInvariant();
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return "number:" + (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large))
        {
            return "number:" + large.ToString("R", CultureInfo.InvariantCulture);
        }
        return TypedText(text);
    }

    // Text that spells an RFC 3339 instant is compared as the instant.
    private static string TypedText(string text) =>
        Timestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? "instant:" + instant.UtcTicks.ToString(CultureInfo.InvariantCulture)
            : "text:" + text;

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Timestamp();
}
