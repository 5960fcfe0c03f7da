using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>
/// The CLR types behind the contracts' JSON paths, read from <see cref="StarmapJson"/>'s own type
/// metadata so paths can never disagree with what is serialized.
/// </summary>
internal static class JsonShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Children = new();
    private static readonly ConcurrentDictionary<Type, JsonObject?> Defaults = new();
    private static readonly ConcurrentDictionary<Type, string?> UnknownNames = new();
    private static readonly ConcurrentDictionary<Type, Type?> ItemTypes = new(); // reflection on generics allocates

    /// <summary>The type of property <paramref name="name"/> of <paramref name="parent"/>, or null when not a contract property.</summary>
    public static Type? ChildType(Type? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }
        if (parent == typeof(FeatureFlags))
        {
            return typeof(bool); // written as a map of feature name to true/false
        }
        return PropertiesOf(parent).TryGetValue(name, out var type) ? type : null;
    }

    // Lists whose items are told apart by one of their members: merged and diffed item by item.
    private static readonly Dictionary<Type, string> ItemKeys = new() { [typeof(PricingTier)] = "context_threshold" };

    /// <summary>The item type of a list contract (<c>EquatableArray&lt;T&gt;</c>), or null.</summary>
    public static Type? ItemType(Type? listType) =>
        listType is null ? null : ItemTypes.GetOrAdd(listType, static t =>
            (Nullable.GetUnderlyingType(t) ?? t) is { IsGenericType: true } bare && bare.GetGenericTypeDefinition() == typeof(EquatableArray<>)
                ? bare.GetGenericArguments()[0]
                : null);

    /// <summary>The JSON name of the member that keys the items of <paramref name="listType"/>, or null when its items are not keyed.</summary>
    public static string? ListKey(Type? listType) =>
        ItemType(listType) is { } item && ItemKeys.TryGetValue(item, out var key) ? key : null;

    /// <summary>True for an object contract whose properties the JSON lists by name.</summary>
    public static bool IsObject(Type? type) =>
        type is not null && (type == typeof(FeatureFlags) || PropertiesOf(type).Count > 0);

    /// <summary>True when <paramref name="value"/> is the <c>Unknown</c> member of enum <paramref name="type"/>.</summary>
    public static bool IsUnknownEnumValue(Type? type, JsonNode? value)
    {
        if (type is null || value is not JsonValue json || !json.TryGetValue<string>(out var text))
        {
            return false;
        }
        var name = UnknownNames.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, static t =>
            t.IsEnum && Enum.GetNames(t).Contains("Unknown", StringComparer.Ordinal)
                ? JsonSerializer.SerializeToNode(Enum.Parse(t, "Unknown"), StarmapJson.Options)!.GetValue<string>()
                : null);
        return name is not null && string.Equals(name, text, StringComparison.Ordinal);
    }

    /// <summary>The JSON of a fresh instance of <paramref name="type"/>: what a property says when nobody set it.</summary>
    public static JsonObject? DefaultOf(Type? type) =>
        type is null ? null : Defaults.GetOrAdd(type, static t =>
        {
            try
            {
                return JsonSerializer.SerializeToNode(Activator.CreateInstance(t), t, StarmapJson.Options) as JsonObject;
            }
            catch (MissingMethodException)
            {
                return null;
            }
        });

    /// <summary>
    /// Every modelled leaf path of <paramref name="root"/> with its type: object properties recursed,
    /// lists and scalars as leaves, feature flags one path per feature.
    /// </summary>
    public static IEnumerable<(string Path, Type Type)> LeafPaths(Type root, string prefix = "")
    {
        foreach (var (name, type) in PropertiesOf(root).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            var bare = Nullable.GetUnderlyingType(type) ?? type;
            if (bare == typeof(FeatureFlags))
            {
                foreach (var feature in Enum.GetValues<Feature>())
                {
                    yield return (path + "." + FeatureFlagsJsonConverter.NameOf(feature), typeof(bool?));
                }
            }
            else if (IsObject(bare))
            {
                foreach (var leaf in LeafPaths(bare, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, type);
            }
        }
    }

    private static IReadOnlyDictionary<string, Type> PropertiesOf(Type type) =>
        Children.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, static t =>
        {
            // Computed members (Offering.Key, ModelDefinition.Slug) have no setter and are not written.
            var info = StarmapJson.Options.GetTypeInfo(t);
            return info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.Where(p => p.Get is not null && p.Set is not null).ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal)
                : new Dictionary<string, Type>();
        });
}
