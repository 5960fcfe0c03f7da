using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>
/// Typed equality of contract values that implies equal JSON: walks the records through
/// <see cref="StarmapJson"/>'s own type metadata (the properties it writes, with their getters) and compares
/// leaves by their CLR values, with no JSON built. It lets the diffs skip every property, and every record,
/// that did not change (most of them in a sync) before flattening anything to JSON nodes.
/// </summary>
/// <remarks>
/// Conservative: true only when the two values certainly write the same JSON (up to numbers by value,
/// which is how the diffs compare them). Where the CLR equality is coarser than the JSON (a
/// <see cref="DateTimeOffset"/> equals another at the same instant in another offset) the exact form is
/// compared; a type it does not know is equal only when it is the same instance. A false says nothing:
/// the caller compares the JSON then.
/// </remarks>
internal static class SameJson
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (both of type <paramref name="type"/>) write the same JSON.</summary>
    public static bool Equal(object? a, object? b, Type type) => Equal(a, b, type, exactNumbers: false);

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> write exactly the same JSON text: as <see cref="Equal(object?, object?, Type)"/>,
    /// and numbers in the same written form too (2.50 is not 2.5). What the typed merge needs to take one for the other.
    /// </summary>
    public static bool Identical(object? a, object? b, Type type) => Equal(a, b, type, exactNumbers: true);

    private static bool Equal(object? a, object? b, Type type, bool exactNumbers)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null)
        {
            return false;
        }
        var shape = ShapeOf(type);
        switch (shape.Kind)
        {
            case ShapeKind.Exact:
                return a.Equals(b);
            case ShapeKind.Number:
                return exactNumbers ? SameBits(a, b) : a.Equals(b);
            case ShapeKind.Instant:
                return ((DateTimeOffset)a).EqualsExact((DateTimeOffset)b);
            case ShapeKind.List:
                return ListEqual((IEnumerable)a, (IEnumerable)b, shape.Item!, exactNumbers);
            case ShapeKind.Object:
                if (a.GetType() != shape.Type || b.GetType() != shape.Type)
                {
                    return false; // a derived type may write more than the declared type's properties
                }
                foreach (var property in shape.Properties)
                {
                    if (!Equal(property.Get!(a), property.Get!(b), property.PropertyType, exactNumbers))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <paramref name="excluded"/> plus the JSON names of the top-level properties that write the same JSON in
    /// <paramref name="a"/> and <paramref name="b"/>, or null when every property does (nothing to compare).
    /// </summary>
    public static HashSet<string>? ExcludingEqual<T>(T a, T b, IReadOnlySet<string> excluded) where T : class
    {
        var shape = ShapeOf(typeof(T));
        if (shape.Kind != ShapeKind.Object || a.GetType() != shape.Type || b.GetType() != shape.Type)
        {
            return [.. excluded];
        }
        // Which properties are equal, noted first: most records compared are equal throughout, and need no set.
        var properties = shape.Properties;
        Span<bool> equal = properties.Length <= 256 ? stackalloc bool[properties.Length] : new bool[properties.Length];
        var differing = false;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            equal[i] = excluded.Contains(property.Name) || Equal(property.Get!(a), property.Get!(b), property.PropertyType);
            differing |= !equal[i];
        }
        if (!differing)
        {
            return null;
        }
        var result = new HashSet<string>(excluded, StringComparer.Ordinal);
        for (var i = 0; i < properties.Length; i++)
        {
            if (equal[i])
            {
                result.Add(properties[i].Name);
            }
        }
        return result;
    }

    /// <summary>
    /// True when <paramref name="value"/> comes back unchanged from its JSON as the merge rebuilds it: feature flags
    /// in ascending order in each list and in one list only (they are read back sorted), and keyed list items
    /// (<see cref="JsonShape.ListKey"/>) in key order (the merge rebuilds them in key order). Records from a
    /// reconcile, from storage or from a parser are; a record built by hand may not be.
    /// </summary>
    public static bool IsCanonical(object? value, Type type)
    {
        if (value is null)
        {
            return true;
        }
        if (value is FeatureFlags flags)
        {
            return Ascending(flags.Supported) && Ascending(flags.Unsupported) && !flags.Supported.Any(flags.Unsupported.Contains);
        }
        var shape = ShapeOf(type);
        switch (shape.Kind)
        {
            case ShapeKind.List:
                var items = new List<object?>();
                foreach (var item in (IEnumerable)value)
                {
                    if (!IsCanonical(item, shape.Item!))
                    {
                        return false;
                    }
                    items.Add(item);
                }
                return InKeyOrder(items, type);
            case ShapeKind.Object:
                if (value.GetType() != shape.Type)
                {
                    return false;
                }
                // Loops, not LINQ: this runs for every property of every record merged, and a lambda over the
                // value is a new closure each time.
                foreach (var property in shape.Properties)
                {
                    if (!IsCanonical(property.Get!(value), property.PropertyType))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private static bool Ascending(EquatableArray<Feature> features)
    {
        for (var i = 1; i < features.Count; i++)
        {
            if (features[i - 1] >= features[i])
            {
                return false;
            }
        }
        return true;
    }

    // Keys as FieldMap reads them from the JSON; a list it would not split by key stays whole, in its order.
    private static bool InKeyOrder(List<object?> items, Type listType)
    {
        if (items.Count < 2 || JsonShape.ListKey(listType) is not { } keyName || ShapeOf(JsonShape.ItemType(listType)!) is not { Kind: ShapeKind.Object } item ||
            item.Properties.FirstOrDefault(p => p.Name == keyName) is not { } key)
        {
            return true;
        }
        var keys = new List<string>(items.Count);
        foreach (var entry in items)
        {
            if (entry is null || key.Get!(entry) is not { } raw)
            {
                return true;
            }
            keys.Add(System.Text.Json.JsonSerializer.Serialize(raw, key.PropertyType, StarmapJson.Options).Trim('"'));
        }
        if (keys.Any(k => k.Length == 0 || k.AsSpan().IndexOfAny("[].") >= 0) || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return true;
        }
        for (var i = 1; i < keys.Count; i++)
        {
            if (FieldMap.CompareKeys(keys[i - 1], keys[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    // Item by item, in order: a list writes its items in order.
    private static bool ListEqual(IEnumerable a, IEnumerable b, Type item, bool exactNumbers)
    {
        var x = a.GetEnumerator();
        var y = b.GetEnumerator();
        while (true)
        {
            var more = x.MoveNext();
            if (more != y.MoveNext())
            {
                return false;
            }
            if (!more)
            {
                return true;
            }
            if (!Equal(x.Current, y.Current, item, exactNumbers))
            {
                return false;
            }
        }
    }

    // The same bits write the same text; numbers equal by value may not (2.50 and 2.5, 0 and -0).
    private static bool SameBits(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => SameBits(x, y),
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        (float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y),
        _ => false,
    };

    private static bool SameBits(decimal x, decimal y)
    {
        Span<int> a = stackalloc int[4];
        Span<int> b = stackalloc int[4];
        decimal.GetBits(x, a);
        decimal.GetBits(y, b);
        return a.SequenceEqual(b);
    }

    private enum ShapeKind
    {
        Unknown,
        Exact,
        Number,
        Instant,
        List,
        Object,
    }

    private sealed record Shape(ShapeKind Kind, Type? Type = null, Type? Item = null, ImmutableArray<JsonPropertyInfo> Properties = default);

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, static t =>
    {
        var bare = Nullable.GetUnderlyingType(t) ?? t;
        if (bare == typeof(decimal) || bare == typeof(double) || bare == typeof(float))
        {
            return new Shape(ShapeKind.Number);
        }
        // Leaves whose CLR equality is exactly their JSON's (numbers by value, as the diffs compare them).
        if (bare.IsEnum || bare.IsPrimitive || bare == typeof(string) ||
            bare == typeof(DateOnly) || bare == typeof(TimeOnly) || bare == typeof(TimeSpan) || bare == typeof(Guid))
        {
            return new Shape(ShapeKind.Exact);
        }
        if (bare == typeof(DateTimeOffset))
        {
            return new Shape(ShapeKind.Instant);
        }
        // Feature flags write a map of their two lists; their record equality compares those lists in order.
        if (bare == typeof(FeatureFlags))
        {
            return new Shape(ShapeKind.Exact);
        }
        if (JsonShape.ItemType(bare) is { } item)
        {
            return new Shape(ShapeKind.List, Item: item);
        }
        // A type with its own converter is no object to the serializer: unknown here, so only the same instance is equal.
        var contract = JsonContract.Of(bare);
        if (contract.IsObject)
        {
            return new Shape(ShapeKind.Object, bare, Properties: contract.Properties);
        }
        return new Shape(ShapeKind.Unknown);
    });
}
