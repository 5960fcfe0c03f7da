using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>One flattened field: its JSON value, the CLR type behind it, and whether it is a whole atomic subtree.</summary>
internal readonly record struct Field(JsonNode Value, Type? Type, bool IsUnit);

/// <summary>
/// A record flattened to path → value in ordinal path order: objects are walked, lists and scalars are
/// leaves, atomic subtrees stay whole, and an empty object is kept as a placeholder leaf so rebuilding
/// gives back the same record. A list whose items are keyed (<see cref="JsonShape.ListKey"/>: price tiers
/// by context threshold) is walked item by item as <c>name[key]</c>, e.g.
/// <c>pricing.tiers[200000].tokens.input</c>, so each tier's each price is a field of its own.
/// </summary>
internal sealed class FieldMap
{
    private readonly SortedDictionary<string, Field> _fields;

    private FieldMap(SortedDictionary<string, Field> fields) => _fields = fields;

    /// <summary>Fields by path, in ordinal path order.</summary>
    public IReadOnlyDictionary<string, Field> Fields => _fields;

    /// <summary>True when some field is an <c>effective_from</c> or <c>effective_until</c> below an object: a price window to check.</summary>
    public bool HasWindows => _hasWindows ??= _fields.Keys.Any(k =>
        k.EndsWith(".effective_from", StringComparison.Ordinal) || k.EndsWith(".effective_until", StringComparison.Ordinal));

    private bool? _hasWindows;

    /// <summary>The field at <paramref name="path"/>, if any.</summary>
    public Field? this[string path] => _fields.TryGetValue(path, out var field) ? field : null;

    /// <summary>Flattens <paramref name="value"/>, skipping top-level <paramref name="excluded"/> names.</summary>
    /// <remarks>
    /// Only the top-level properties not excluded are written to JSON nodes: a resync excludes most of each record
    /// (its unchanged properties, <see cref="UnchangedProperties"/>), and writing whole records to nodes only to drop
    /// most of them was much of a sync's garbage. <see cref="OfWholeRecord"/> is the reference it must equal.
    /// </remarks>
    public static FieldMap Of<T>(T value, IReadOnlySet<string> excluded, Func<string, bool>? isUnit = null)
    {
        var root = excluded.Count > 0 && value is not null && value.GetType() == typeof(T) && JsonContract.Of(typeof(T)).WrittenOneByOne is { } properties
            ? Partial(value, properties, excluded)
            : Whole(value);
        var fields = new SortedDictionary<string, Field>(StringComparer.Ordinal);
        Walk(root, typeof(T), "", excluded, isUnit, fields);
        return new FieldMap(fields);
    }

    /// <summary>As <see cref="Of"/>, writing the whole record to JSON nodes first (the reference for tests).</summary>
    internal static FieldMap OfWholeRecord<T>(T value, IReadOnlySet<string> excluded, Func<string, bool>? isUnit = null)
    {
        var fields = new SortedDictionary<string, Field>(StringComparer.Ordinal);
        Walk(Whole(value), typeof(T), "", excluded, isUnit, fields);
        return new FieldMap(fields);
    }

    private static JsonObject Whole<T>(T value) =>
        JsonSerializer.SerializeToNode(value, StarmapJson.Options) as JsonObject
            ?? throw new ArgumentException($"a {typeof(T).Name} must serialize to a JSON object", nameof(value));

    // Each property the serializer writes, as it writes it: by its getter, its own condition, its declared type.
    private static JsonObject Partial(object value, ImmutableArray<JsonPropertyInfo> properties, IReadOnlySet<string> excluded)
    {
        var root = new JsonObject();
        foreach (var property in properties)
        {
            if (excluded.Contains(property.Name) || property.Get!(value) is not { } member ||
                (property.ShouldSerialize is { } should && !should(value, member)))
            {
                continue; // a null is not written (WhenWritingNull), and Walk skips null members anyway
            }
            root[property.Name] = JsonSerializer.SerializeToNode(member, property.PropertyType, StarmapJson.Options);
        }
        return root;
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
        // Keyed lists are built as objects by key first, then turned into lists ordered by key.
        var keyed = new List<(JsonObject Parent, string Name)>();
        foreach (var (path, field) in _fields)
        {
            var segments = path.Split('.');
            var node = root;
            foreach (var segment in segments[..^1])
            {
                node = Child(node, segment, keyed);
            }
            var last = segments[^1];
            if (field.Value is JsonObject { Count: 0 } && node[last] is JsonObject)
            {
                continue; // placeholder for an object that has members already
            }
            node[last] = field.Value.DeepClone();
        }
        foreach (var (parent, name) in keyed)
        {
            if (parent[name] is JsonObject items)
            {
                var ordered = items.OrderBy(p => p.Key, KeyOrder.Instance).Select(p => p.Value?.DeepClone()).ToArray();
                parent[name] = new JsonArray(ordered);
            }
        }
        return root;
    }

    /// <summary>The order the merge rebuilds keyed list items in: whole-number keys by value, others ordinally.</summary>
    public static int CompareKeys(string x, string y) => KeyOrder.Instance.Compare(x, y);

    /// <summary>The <c>[key]</c> suffix of a path segment split off: <c>tiers[200000]</c> → (<c>tiers</c>, <c>200000</c>).</summary>
    public static (string Name, string? Key) Segment(string segment) =>
        segment.IndexOf('[', StringComparison.Ordinal) is > 0 and var open && segment.EndsWith(']')
            ? (segment[..open], segment[(open + 1)..^1])
            : (segment, null);

    private static JsonObject Child(JsonObject node, string segment, List<(JsonObject Parent, string Name)> keyed)
    {
        var (name, key) = Segment(segment);
        if (key is not null)
        {
            if (node[name] is not JsonObject items)
            {
                items = new JsonObject();
                node[name] = items;
                keyed.Add((node, name));
            }
            node = items;
            name = key;
        }
        if (node[name] is not JsonObject child)
        {
            child = new JsonObject();
            node[name] = child;
        }
        return child;
    }

    // The items of a keyed list by key, when every item is an object with a distinct scalar key; else null
    // and the list stays one leaf.
    private static List<(string Key, JsonObject Item)>? KeyedItems(JsonArray list, Type? listType)
    {
        if (list.Count == 0 || JsonShape.ListKey(listType) is not { } keyName)
        {
            return null;
        }
        var items = new List<(string Key, JsonObject Item)>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in list)
        {
            if (node is not JsonObject item || item[keyName] is not JsonValue value ||
                value.ToJsonString() is not { } text || text.Trim('"') is not { Length: > 0 } key ||
                key.AsSpan().IndexOfAny("[].") >= 0 || !seen.Add(key))
            {
                return null;
            }
            items.Add((key, item));
        }
        return items;
    }

    // Keys that are whole numbers (thresholds) order by value, so 1000000 comes after 200000.
    private sealed class KeyOrder : IComparer<string>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            decimal.TryParse(x, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var a) &&
            decimal.TryParse(y, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(x, y);
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
            else if (value is JsonArray list && isUnit?.Invoke(path) != true && KeyedItems(list, childType) is { } items)
            {
                foreach (var (key, item) in items)
                {
                    Walk(item, JsonShape.ItemType(childType), path + "[" + key + "]", excluded, isUnit, fields);
                }
            }
            else
            {
                fields[path] = new Field(value, childType, value is JsonObject { Count: > 0 });
            }
        }
    }
}
