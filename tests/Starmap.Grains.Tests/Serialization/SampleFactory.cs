using System.Reflection;

namespace Starmap.Grains.Tests.Serialization;

/// <summary>
/// Builds a fully populated, deterministic instance of any contract type: every serialized member
/// gets a value derived from its path, so a sample exercises every field the type stores.
/// </summary>
public static class SampleFactory
{
    public static object Build(Type type) => BuildValue(type, type.Name, 0)!;

    private static object? BuildValue(Type type, string path, int depth)
    {
        var n = Hash(path);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return BuildValue(inner, path, depth);
        }
        if (type == typeof(string)) return path;
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return (int)(n % 100_000) + 1;
        if (type == typeof(long)) return (long)(n % 10_000_000) + 1;
        if (type == typeof(double)) return (n % 1000) / 8.0;
        if (type == typeof(decimal)) return (n % 100_000) / 1000m;
        if (type == typeof(DateOnly)) return new DateOnly(2020 + (int)(n % 6), 1 + (int)(n % 12), 1 + (int)(n % 28));
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddMinutes(n % 100_000);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(n % 100_000);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 2);
            array.SetValue(BuildValue(element, path + "[0]", depth + 1), 0);
            array.SetValue(BuildValue(element, path + "[1]", depth + 1), 1);
            var create = typeof(EquatableArray).GetMethod(nameof(EquatableArray.ToEquatableArray))!.MakeGenericMethod(element);
            return create.Invoke(null, [array]);
        }
        // Offering modes carry a whole price list (tiers of token prices), two levels below the offering.
        if (depth > 10)
        {
            throw new InvalidOperationException($"{path}: contract types should not nest this deep");
        }
        var instance = Activator.CreateInstance(type, nonPublic: true)
            ?? throw new InvalidOperationException($"cannot create {type}");
        foreach (var property in SerializedProperties(type))
        {
            property.Property.SetValue(instance, BuildValue(property.Property.PropertyType, $"{path}.{property.Property.Name}", depth + 1));
        }
        return instance;
    }

    /// <summary>Properties carrying an Orleans <c>[Id]</c>, with that id.</summary>
    public static IEnumerable<(PropertyInfo Property, uint Id)> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<IdAttribute>()))
            .Where(p => p.Attribute is not null && p.Property.SetMethod is not null)
            .Select(p => (p.Property, p.Attribute!.Id));

    private static uint Hash(string text)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
