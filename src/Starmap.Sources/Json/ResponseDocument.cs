using System.Text.Json;
using Starmap.Sources.Http;

namespace Starmap.Sources.Json;

/// <summary>Parses a response body as JSON, turning malformed or cut-off text into a <see cref="SourceException"/>.</summary>
internal static class ResponseDocument
{
    public static JsonDocument Parse(SourceCall call, Uri url, byte[] body)
    {
        if (HtmlBody.Is(body))
        {
            throw call.Fail(url, $"answered HTML, not JSON ({body.Length} bytes starting '{HtmlBody.Excerpt(body, call.Secret)}')");
        }
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine}" : "";
            throw call.Fail(url, $"response is not valid JSON{where} ({body.Length} bytes read)", ex);
        }
    }

    /// <summary>The array member <paramref name="name"/> of the root object, or a failure naming it.</summary>
    public static JsonElement RequireArray(SourceCall call, Uri url, JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw call.Fail(url, $"response is {JsonRecord.Describe(root.ValueKind)}, expected an object with a '{name}' array");
        }
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw call.Fail(url, $"response has no '{name}' array");
        }
        return array;
    }
}
