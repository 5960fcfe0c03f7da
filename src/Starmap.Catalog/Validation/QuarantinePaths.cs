using System.Globalization;
using System.Text.Json.Nodes;

namespace Starmap.Catalog.Validation;

/// <summary>
/// Finds and removes a field in a record's JSON by the path a validation error names
/// (<c>limits.output_tokens</c>, <c>pricing.tiers[1].tokens.input</c>, <c>regions[0]</c>).
/// Removing a key makes the field unknown, which is what the contracts' JSON means by a missing key.
/// </summary>
public static class QuarantinePaths
{
    /// <summary>The node at <paramref name="path"/>, or null when there is none (or it is JSON null).</summary>
    public static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var (name, index) in Segments(path))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            if (index is { } i)
            {
                node = node is JsonArray array && i < array.Count ? array[i] : null;
            }
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>Removes the field at <paramref name="path"/> (a list item is taken out of its list); false when absent.</summary>
    public static bool Remove(JsonObject root, string path)
    {
        var segments = Segments(path);
        if (segments.Count == 0)
        {
            return false;
        }
        var parentPath = string.Join('.', segments[..^1].Select(s => s.Index is { } i ? Indexed(s.Name, i) : s.Name));
        var parent = parentPath.Length == 0 ? root : Find(root, parentPath) as JsonObject;
        var (name, index) = segments[^1];
        if (parent is null || !parent.TryGetPropertyValue(name, out var child) || child is null)
        {
            return false;
        }
        if (index is not { } item)
        {
            return parent.Remove(name);
        }
        if (child is not JsonArray array || item >= array.Count)
        {
            return false;
        }
        array.RemoveAt(item);
        return true;
    }

    /// <summary>The enclosing path (<c>pricing.tokens</c> for <c>pricing.tokens.input</c>), or null at the top.</summary>
    public static string? Parent(string path)
    {
        var segments = Segments(path);
        if (segments.Count == 0)
        {
            return null;
        }
        var (name, index) = segments[^1];
        if (index is not null)
        {
            return string.Join('.', segments[..^1].Select(s => s.Index is { } i ? Indexed(s.Name, i) : s.Name).Append(name));
        }
        return segments.Count == 1 ? null : string.Join('.', segments[..^1].Select(s => s.Index is { } i ? Indexed(s.Name, i) : s.Name));
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        string.Equals(path, ancestor, StringComparison.Ordinal)
        || path.StartsWith(ancestor + ".", StringComparison.Ordinal)
        || path.StartsWith(ancestor + "[", StringComparison.Ordinal);

    private static string Indexed(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");

    private static List<(string Name, int? Index)> Segments(string path)
    {
        var result = new List<(string, int?)>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            if (open > 0 && part[^1] == ']'
                && int.TryParse(part.AsSpan(open + 1, part.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                result.Add((part[..open], index));
            }
            else
            {
                result.Add((part, null));
            }
        }
        return result;
    }
}
