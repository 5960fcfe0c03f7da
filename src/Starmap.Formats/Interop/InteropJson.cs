using System.Text.Encodings.Web;
using System.Text.Json;

namespace Starmap.Formats.Interop;

/// <summary>JSON settings of the interop shapes: names come from attributes, text is not HTML-escaped ("text->text").</summary>
internal static class InteropJson
{
    private static readonly JsonSerializerOptions Compact = Create(indented: false);
    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static JsonSerializerOptions Options(bool indented) => indented ? Indented : Compact;

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Order and dates shared by the interop exports.</summary>
internal static class InteropOrder
{
    public static IEnumerable<CatalogModel> Sort(IEnumerable<CatalogModel> models) => models
        .OrderBy(m => m.ProviderId, StringComparer.Ordinal)
        .ThenBy(m => m.ModelId, StringComparer.Ordinal);

    /// <summary>
    /// Unix seconds of the release date (00:00 UTC), else 0 (both APIs require a number). Not when the
    /// catalog first recorded the offering: that is when this catalog was seeded, which means nothing to a client.
    /// </summary>
    public static long Created(CatalogModel model) =>
        model.ReleaseDate is { } release ? new DateTimeOffset(release.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : 0;
}
