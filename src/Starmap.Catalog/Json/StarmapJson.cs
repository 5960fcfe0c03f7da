using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap.Catalog.Json;

/// <summary>
/// The JSON shape of the contracts: snake_case names, enums as snake_case strings, unknown values
/// omitted (a missing key means unknown), dates as ISO 8601. Used by the built-in catalog, the HTTP
/// API and exports, so every surface spells fields the same way.
/// </summary>
public static class StarmapJson
{
    /// <summary>Options for reading and writing; rejects properties the contracts do not have.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Same as <see cref="Options"/>, indented.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            WriteIndented = indented,
            IgnoreReadOnlyProperties = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>Deserializes with <see cref="Options"/>; malformed input throws <see cref="JsonException"/> with the path.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a {typeof(T).Name}, got null");
}
