using System.Collections;
using System.Collections.Concurrent;
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
    public static bool Equal(object? a, object? b, Type type)
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
            case ShapeKind.Instant:
                return ((DateTimeOffset)a).EqualsExact((DateTimeOffset)b);
            case ShapeKind.List:
                return ListEqual((IEnumerable)a, (IEnumerable)b, shape.Item!);
            case ShapeKind.Object:
                if (a.GetType() != shape.Type || b.GetType() != shape.Type)
                {
                    return false; // a derived type may write more than the declared type's properties
                }
                foreach (var property in shape.Properties!)
                {
                    if (!Equal(property.Get(a), property.Get(b), property.Type))
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
        var result = new HashSet<string>(excluded, StringComparer.Ordinal);
        var differing = false;
        foreach (var property in shape.Properties!)
        {
            if (excluded.Contains(property.Name) || Equal(property.Get(a), property.Get(b), property.Type))
            {
                result.Add(property.Name);
            }
            else
            {
                differing = true;
            }
        }
        return differing ? result : null;
    }

    // Item by item, in order: a list writes its items in order.
    private static bool ListEqual(IEnumerable a, IEnumerable b, Type item)
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
            if (!Equal(x.Current, y.Current, item))
            {
                return false;
            }
        }
    }

    private enum ShapeKind
    {
        Unknown,
        Exact,
        Instant,
        List,
        Object,
    }

    private sealed record Property(string Name, Type Type, Func<object, object?> Get);

    private sealed record Shape(ShapeKind Kind, Type? Type = null, Type? Item = null, Property[]? Properties = null);

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, static t =>
    {
        var bare = Nullable.GetUnderlyingType(t) ?? t;
        // Leaves whose CLR equality is exactly their JSON's (numbers by value, as the diffs compare them).
        if (bare.IsEnum || bare.IsPrimitive || bare == typeof(string) || bare == typeof(decimal) ||
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
        var info = StarmapJson.Options.GetTypeInfo(bare);
        // A type with its own converter has kind None: unknown here, so only the same instance is equal.
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            // Every property the serializer can write, computed ones too (stricter than needed, never looser).
            var properties = info.Properties.Where(p => p.Get is not null)
                .Select(p => new Property(p.Name, p.PropertyType, p.Get!)).ToArray();
            return new Shape(ShapeKind.Object, bare, Properties: properties);
        }
        return new Shape(ShapeKind.Unknown);
    });
}
