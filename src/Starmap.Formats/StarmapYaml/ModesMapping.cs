using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// <see cref="OfferingMode"/>s ⇄ an offering's <c>modes</c> map (<c>fast: {pricing, provider: {headers, body}}</c>).
/// The body is what a request's JSON body adds, so it is kept as compact JSON; YAML scalars are typed by
/// the YAML 1.2 core schema (<c>true</c> a boolean, <c>5</c> a number, quoted text always text).
/// </summary>
internal static class ModesMapping
{
    public static EquatableArray<OfferingMode> ToRecord(YamlNode? node, MappingContext c)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not YamlMappingNode modes)
        {
            throw c.Reader.Error(node, "modes", "expected a mapping of mode names to modes");
        }
        var result = new List<OfferingMode>();
        foreach (var (key, value) in modes.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw c.Reader.Error(key, "modes", "mode names must be text");
            var mode = c.Reader.Read<ModeYaml>(value, "modes." + name);
            var body = mode.Provider?.Body;
            if (body is not null and not YamlMappingNode)
            {
                throw c.Reader.Error(body, $"modes.{name}.provider.body", "expected a mapping (the members a request body adds)");
            }
            result.Add(new OfferingMode
            {
                Name = name,
                Pricing = PricingMapping.ToRecord(mode.Pricing, c),
                Headers = (mode.Provider?.Headers ?? []).Select(h => new HeaderValue { Name = h.Key, Value = h.Value }).ToEquatableArray(),
                Body = body is null ? null : ToJson(body, c, $"modes.{name}.provider.body")!.ToJsonString(),
            });
        }
        return result.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray();
    }

    public static YamlMappingNode? ToYaml(EquatableArray<OfferingMode> modes)
    {
        if (modes.IsEmpty)
        {
            return null;
        }
        var map = new YamlMappingNode();
        foreach (var mode in modes)
        {
            var yaml = new ModeYaml
            {
                Pricing = PricingMapping.ToYaml(mode.Pricing),
                Provider = mode.Headers.IsEmpty && mode.Body is null ? null : new ModeRequestYaml
                {
                    Headers = mode.Headers.IsEmpty ? null : [.. mode.Headers.Select(h => KeyValuePair.Create(h.Name, h.Value))],
                    Body = mode.Body is { } body ? ToYaml(Body(body, mode.Name)) : null,
                },
            };
            map.Add(YamlScalars.Text(mode.Name), YamlDtoWriter.Write(yaml));
        }
        return map;
    }

    private static JsonNode Body(string json, string mode)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new StarmapValidationException($"modes[{mode}].body", json, "must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new StarmapValidationException($"modes[{mode}].body", null, "is not valid JSON: " + ex.Message);
        }
    }

    private static JsonNode? ToJson(YamlNode node, MappingContext c, string path) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p =>
        {
            var key = (p.Key as YamlScalarNode)?.Value ?? throw c.Reader.Error(p.Key, path, "keys must be text");
            return KeyValuePair.Create(key, ToJson(p.Value, c, path + "." + key));
        })),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select((item, i) => ToJson(item, c, $"{path}[{i}]"))]),
        YamlScalarNode scalar when scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) => JsonValue.Create(scalar.Value ?? ""),
        YamlScalarNode scalar when YamlScalars.IsNull(scalar) => null,
        YamlScalarNode { Value: var text } when YamlScalars.TryBool(text ?? "", out var flag) => JsonValue.Create(flag),
        YamlScalarNode { Value: var text } when YamlScalars.TryDecimal(text ?? "", out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidOperationException($"YAML node {node.GetType()} is not supported"),
    };

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => YamlScalars.Plain("null"),
        JsonObject obj => Mapping(obj),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => YamlScalars.Text(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => YamlScalars.Bool(value.GetValue<bool>()),
        JsonValue value => YamlScalars.Plain(Convert.ToString(value.ToJsonString(), CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"JSON node {node.GetType()} is not supported"),
    };

    private static YamlMappingNode Mapping(JsonObject obj)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in obj)
        {
            mapping.Add(YamlScalars.Text(key), ToYaml(value));
        }
        return mapping;
    }
}
