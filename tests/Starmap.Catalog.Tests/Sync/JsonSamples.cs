using System.Text.Json;
using System.Text.Json.Nodes;
using Starmap.Catalog.Json;
using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// Values for any contract path, built from the contracts' own JSON metadata: variant 0 and 1 of a
/// leaf always differ, so a test can change any field without knowing its type.
/// </summary>
internal static class JsonSamples
{
    /// <summary>A JSON value of <paramref name="type"/>; objects fully populated with the same variant.</summary>
    public static JsonNode Sample(Type type, int variant)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (JsonShape.IsObject(bare))
        {
            var node = new JsonObject();
            foreach (var (path, leaf) in JsonShape.LeafPaths(bare))
            {
                Set(node, path, Sample(leaf, variant));
            }
            return node;
        }
        if (bare.IsGenericType && bare.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            return new JsonArray(Sample(bare.GetGenericArguments()[0], variant));
        }
        if (bare.IsEnum)
        {
            var values = Enum.GetValues(bare).Cast<object>().Where(v => v.ToString() != "Unknown").ToArray();
            return JsonSerializer.SerializeToNode(values[variant % values.Length], bare, StarmapJson.Options)!;
        }
        return bare switch
        {
            _ when bare == typeof(bool) => JsonValue.Create(variant % 2 == 0),
            _ when bare == typeof(string) => JsonValue.Create("s" + variant),
            _ when bare == typeof(decimal) => JsonValue.Create(1.25m + variant),
            _ when bare == typeof(long) || bare == typeof(int) => JsonValue.Create(100 + variant),
            _ when bare == typeof(double) => JsonValue.Create(0.5 + variant),
            _ when bare == typeof(DateOnly) => JsonValue.Create($"2025-0{1 + variant % 9}-01"),
            _ when bare == typeof(DateTimeOffset) => JsonValue.Create($"2025-0{1 + variant % 9}-01T00:00:00+00:00"),
            _ when bare == typeof(TimeSpan) => JsonValue.Create($"0{1 + variant % 9}:00:00"),
            _ => throw new NotSupportedException($"no sample for {bare}"),
        };
    }

    /// <summary>Sets <paramref name="path"/> in <paramref name="root"/>, creating objects on the way; null removes it.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var node = root;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                node[segment] = child = new JsonObject();
            }
            node = child;
        }
        if (value is null)
        {
            node.Remove(segments[^1]);
        }
        else
        {
            node[segments[^1]] = value;
        }
    }

    /// <summary>The value at <paramref name="path"/>, or null.</summary>
    public static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }
        return node;
    }
}
