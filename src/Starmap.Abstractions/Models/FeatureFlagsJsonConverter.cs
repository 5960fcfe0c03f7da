using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap;

/// <summary>
/// Writes feature flags as <c>{"tool_calls": true, "streaming": false}</c>: known values only, so a
/// missing key means unknown. Reading rejects names that are not features.
/// </summary>
public sealed class FeatureFlagsJsonConverter : JsonConverter<FeatureFlags>
{
    private static readonly Dictionary<string, Feature> ByName =
        Enum.GetValues<Feature>().ToDictionary(NameOf, StringComparer.OrdinalIgnoreCase);

    /// <summary>The snake_case name of a feature, as it appears in JSON and filters.</summary>
    public static string NameOf(Feature feature) => JsonNamingPolicy.SnakeCaseLower.ConvertName(feature.ToString());

    /// <summary>Parses a feature name (snake_case or PascalCase, any case); false when it is not a feature.</summary>
    public static bool TryParse(string? name, out Feature feature)
    {
        feature = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        if (ByName.TryGetValue(name.Trim(), out feature))
        {
            return true;
        }
        return Enum.TryParse(name.Trim(), ignoreCase: true, out feature) && Enum.IsDefined(feature) && !char.IsDigit(name.Trim()[0]);
    }

    /// <inheritdoc/>
    public override FeatureFlags Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("features must be an object of feature name to true/false");
        }
        var known = new List<KeyValuePair<Feature, bool>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            if (!TryParse(name, out var feature))
            {
                throw new JsonException($"unknown feature '{name}'");
            }
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.True: known.Add(KeyValuePair.Create(feature, true)); break;
                case JsonTokenType.False: known.Add(KeyValuePair.Create(feature, false)); break;
                case JsonTokenType.Null: break; // explicit unknown
                default: throw new JsonException($"feature '{name}' must be true, false or null");
            }
        }
        return FeatureFlags.From(known);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FeatureFlags value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (feature, known) in value.Known())
        {
            writer.WriteBoolean(NameOf(feature), known);
        }
        writer.WriteEndObject();
    }
}
