using System.Text.Encodings.Web;
using System.Text.Json;
using Starmap.Catalog.Json;

namespace Starmap.Http;

/// <summary>
/// <see cref="StarmapJson.Options"/> without HTML escaping: responses are application/json, never
/// embedded in HTML, so "'" and "&lt;" stay readable in messages and names.
/// </summary>
internal static class HttpJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(StarmapJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
