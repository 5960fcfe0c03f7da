using System.Collections.Concurrent;
using System.Reflection;

namespace Starmap.Formats.Yaml;

/// <summary>The keys of a DTO type in declaration order, found once per type.</summary>
internal sealed class DtoSchema
{
    private static readonly ConcurrentDictionary<Type, DtoSchema> Cache = new();

    private DtoSchema(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).ToList();
        Keys = properties
            .Select(p => (Attribute: p.GetCustomAttribute<YamlKeyAttribute>(), Property: p))
            .Where(p => p.Attribute is not null)
            .Select(p => new DtoKey(p.Attribute!.Name, p.Property, p.Attribute.Plain, p.Attribute.OneOrMany))
            .ToList();
        ByKey = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        Rest = properties.SingleOrDefault(p => p.GetCustomAttribute<YamlRestAttribute>() is not null);
    }

    /// <summary>Keys in declaration order, so written files keep Starmap's field order.</summary>
    public IReadOnlyList<DtoKey> Keys { get; }

    public IReadOnlyDictionary<string, DtoKey> ByKey { get; }

    /// <summary>The property that takes every other key, if any.</summary>
    public PropertyInfo? Rest { get; }

    public static DtoSchema For(Type type) => Cache.GetOrAdd(type, t => new DtoSchema(t));
}

/// <summary>One key of a DTO.</summary>
internal sealed record DtoKey(string Name, PropertyInfo Property, bool Plain, bool OneOrMany);
