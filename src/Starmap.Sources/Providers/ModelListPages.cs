using System.Globalization;
using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Reads list-models responses: GET a page, require its array of models, turn each item that has an
/// ID into an observed model, and, for paged APIs, follow the cursor until the list ends.
/// </summary>
internal static class ModelListPages
{
    /// <summary>Reads one page, then hands its root to <paramref name="root"/> (to read a cursor).</summary>
    public static async Task ReadAsync(
        SourceHttp http, ProviderContext context, Uri url, string arrayName, string idMember,
        Func<ProviderContext, JsonRecord, string, ObservedModel> read, Action<JsonRecord>? root, int page, CancellationToken cancellationToken)
    {
        var body = await http.GetAsync(context.Call, url, cancellationToken).ConfigureAwait(false);
        using var document = ResponseDocument.Parse(context.Call, url, body);
        var items = ResponseDocument.RequireArray(context.Call, url, document.RootElement, arrayName);
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            if (context.Item(element, idMember, index++) is var (item, id))
            {
                context.Add(read(context, item, id));
            }
        }
        root?.Invoke(new JsonRecord(document.RootElement, "page " + page, context.Warnings));
    }

    /// <summary>
    /// Reads every page: each request carries <paramref name="pageSizeParameter"/>, and after the first
    /// <paramref name="cursorParameter"/> with what <paramref name="nextCursor"/> read from the previous
    /// page (null: the list ended). A list that does not end within the page cap is an error.
    /// </summary>
    public static async Task ReadAllAsync(
        SourceHttp http, ProviderContext context, string arrayName, string idMember,
        string pageSizeParameter, string cursorParameter, Func<JsonRecord, Uri, string?> nextCursor,
        Func<ProviderContext, JsonRecord, string, ObservedModel> read, CancellationToken cancellationToken)
    {
        var pageSize = Math.Min(context.Options.PageSize, 1000).ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 1; ; page++)
        {
            var url = Query.With(context.Url, pageSizeParameter, pageSize);
            if (cursor is not null)
            {
                url = Query.With(url, cursorParameter, cursor);
            }
            cursor = null;
            await ReadAsync(http, context, url, arrayName, idMember, read, root => cursor = nextCursor(root, url), page, cancellationToken)
                .ConfigureAwait(false);
            if (cursor is null)
            {
                return;
            }
            if (page >= context.Options.MaxPages)
            {
                throw context.Call.Fail(url, $"the list did not end after {page} pages");
            }
        }
    }
}
