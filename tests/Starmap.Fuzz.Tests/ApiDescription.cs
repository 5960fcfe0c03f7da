namespace Starmap.Fuzz.Tests;

/// <summary>One route and method of the OpenAPI document, with what the fuzzer needs to build requests.</summary>
internal sealed record ApiOperation(string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<string> BodyContentTypes)
{
    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>A documented parameter: where it goes, its JSON schema type and format, its allowed values.</summary>
internal sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Format, IReadOnlyList<string> Enum);

/// <summary>Reads the operations out of <c>/openapi/v1.json</c>.</summary>
internal static class ApiDescription
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<ApiOperation> Parse(JsonNode document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]?.AsObject() ?? new JsonObject())
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }
            var shared = Parameters(pathItem["parameters"], document);
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation)
                {
                    continue;
                }
                var parameters = shared.Concat(Parameters(operation["parameters"], document))
                    .GroupBy(p => (p.Name, p.In)).Select(g => g.Last()).ToList();
                var bodyTypes = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, bodyTypes));
            }
        }
        return operations;
    }

    private static List<ApiParameter> Parameters(JsonNode? list, JsonNode document) =>
        list?.AsArray().Select(p => Resolve(p, document)).OfType<JsonObject>().Select(p =>
        {
            var schema = Resolve(p["schema"], document);
            var items = Resolve(schema?["items"], document);
            var type = TypeOf(schema) ?? "string";
            var enumValues = (schema?["enum"] ?? items?["enum"])?.AsArray().Select(v => v?.ToString() ?? "").ToList() ?? [];
            return new ApiParameter(
                (string?)p["name"] ?? "",
                (string?)p["in"] ?? "query",
                (bool?)p["required"] ?? false,
                type == "array" ? "array:" + (TypeOf(items) ?? "string") : type,
                (string?)schema?["format"] ?? (string?)items?["format"],
                enumValues);
        }).Where(p => p.Name.Length > 0).ToList() ?? [];

    // OpenAPI 3.1 writes a nullable type as ["integer", "null"], and may wrap it in oneOf/anyOf.
    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue single => (string?)single,
        JsonArray several => several.Select(t => (string?)t).FirstOrDefault(t => t is not null and not "null"),
        _ => (schema?["oneOf"] ?? schema?["anyOf"])?.AsArray().Select(TypeOf).FirstOrDefault(t => t is not null),
    };

    private static JsonNode? Resolve(JsonNode? node, JsonNode document)
    {
        for (var depth = 0; depth < 8 && node?["$ref"] is JsonValue reference; depth++)
        {
            JsonNode? target = document;
            foreach (var part in ((string)reference!).TrimStart('#', '/').Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            node = target;
        }
        return node;
    }
}
