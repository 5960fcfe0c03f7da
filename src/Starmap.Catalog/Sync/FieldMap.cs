using System.Text.Json;
using System.Text.Json.Nodes;

namespace Starmap.Catalog.Sync;

/// <summary>One flattened field: its JSON value, the CLR type behind it, and whether it is a whole atomic subtree.</summary>
internal readonly record struct Field(JsonNode Value, Type? Type, bool IsUnit);

/// <summary>
/// A record flattened to path → value in ordinal path order: objects are walked, lists and scalars are
/// leaves, atomic subtrees stay whole, and an empty object is kept as a placeholder leaf so rebuilding
/// gives back the same record.
/// </summary>
internal sealed class FieldMap
{
    private readonly SortedDictionary<string, Field> _fields;

    private FieldMap(SortedDictionary<string, Field> fields) => _fields = fields;

    /// <summary>Fields by path, in ordinal path order.</summary>
    public IReadOnlyDictionary<string, Field> Fields => _fields;

    /// <summary>The field at <paramref name="path"/>, if any.</summary>
    public Field? this[string path] => _fields.TryGetValue(path, out var field) ? field : null;

    /// <summary>Flattens <paramref name="value"/>, skipping top-level <paramref name="excluded"/> names.</summary>
    public static FieldMap Of<T>(T value, IReadOnlySet<string> excluded, Func<string, bool>? isUnit = null)
    {
        var root = JsonSerializer.SerializeToNode(value, StarmapJson.Options) as JsonObject
            ?? throw new ArgumentException($"a {typeof(T).Name} must serialize to a JSON object", nameof(value));
        var fields = new SortedDictionary<string, Field>(StringComparer.Ordinal);
        Walk(root, typeof(T), "", excluded, isUnit, fields);
        return new FieldMap(fields);
    }

    /// <summary>A map of the given fields (for merge results).</summary>
    public static FieldMap From(IEnumerable<KeyValuePair<string, Field>> fields)
    {
        var map = new SortedDictionary<string, Field>(StringComparer.Ordinal);
        foreach (var (path, field) in fields)
        {
            map[path] = field;
        }
        return new FieldMap(map);
    }

    /// <summary>Rebuilds the JSON object; values are copied, so the map stays untouched.</summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, field) in _fields)
        {
            var segments = path.Split('.');
            var node = root;
            foreach (var segment in segments[..^1])
            {
                if (node[segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[segment] = child;
                }
                node = child;
            }
            var last = segments[^1];
            if (field.Value is JsonObject { Count: 0 } && node[last] is JsonObject)
            {
                continue; // placeholder for an object that has members already
            }
            node[last] = field.Value.DeepClone();
        }
        return root;
    }

    private static void Walk(
        JsonObject node, Type? type, string prefix, IReadOnlySet<string> excluded, Func<string, bool>? isUnit,
        SortedDictionary<string, Field> fields)
    {
        foreach (var (name, value) in node)
        {
            if (value is null || (prefix.Length == 0 && excluded.Contains(name)))
            {
                continue;
            }
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            var childType = JsonShape.ChildType(type, name);
            if (value is JsonObject child && child.Count > 0 && isUnit?.Invoke(path) != true)
            {
                Walk(child, childType, path, excluded, isUnit, fields);
            }
            else
            {
                fields[path] = new Field(value, childType, value is JsonObject { Count: > 0 });
            }
        }
    }
}
