using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Starmap.Http;

/// <summary>
/// <c>GET /api/v1/updates/stream</c>: Server-Sent Events, fed by this silo's replica's change feed (no
/// polling). A <c>catalog.published</c> event (id = the generation; data = the generation and the
/// providers and authors that changed) per generation the replica reaches, a comment line as heartbeat;
/// a client reconnecting with <c>Last-Event-ID</c> other than the catalog's generation (older, or ahead of
/// it after a reset) gets the current generation at once. A client that falls <see cref="QueueLength"/> events behind is dropped (it reconnects). An event
/// for a publish also carries the change log's summary of it and the link to its changes
/// (<see cref="ChangeEventSummary"/>).
/// </summary>
/// <remarks>
/// Written by hand rather than with <c>TypedResults.ServerSentEvents</c>: its items (<c>SseItem</c>) cannot
/// be comment lines, and the heartbeat must be one, so that EventSource clients never see it as an event.
/// </remarks>
internal static class UpdateStreamEndpoint
{
    private const int QueueLength = 32;
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/updates/stream", StreamAsync)
            .WithName("UpdateStream").WithSummary("Server-Sent Events: catalog.published {generation} on every publish, heartbeats")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task StreamAsync(HttpContext http, [FromServices] ICatalogChangeFeed feed, StarmapHttpOptions options, IHostApplicationLifetime lifetime)
    {
        _ = new QueryReader(http.Request.Query, None);
        var lastSent = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var last) ? last : -1;
        // Stop with the host too: an open stream must not hold up a graceful shutdown.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        // Listening before reading the generation: nothing published in between is missed.
        using var subscription = feed.Subscribe(QueueLength);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return; // the headers only: a HEAD must not hold the connection open as a stream
        }
        await WriteAsync(http, "retry: 3000\n\n", token);
        // Before the replica's first load, ask it to load, so a new client always learns where the catalog is.
        var current = feed.Generation > 0 ? feed.Generation : await CatalogReaders.Of(http.RequestServices).GetGenerationAsync();
        // A Last-Event-ID ahead of the catalog (a store restored or reset, another cluster's) names a generation
        // this catalog never had: that client gets the current one too, or it would wait for a number never reached.
        if (current != lastSent)
        {
            lastSent = current;
            await WriteEventAsync(http, new CatalogStep(lastSent, 0, null, null), token);
        }

        var pending = subscription.Reader.WaitToReadAsync(token).AsTask();
        try
        {
            while (!token.IsCancellationRequested)
            {
                var heartbeat = Task.Delay(options.HeartbeatInterval, token);
                if (await Task.WhenAny(pending, heartbeat) == heartbeat)
                {
                    await WriteAsync(http, ": heartbeat\n\n", token);
                    continue;
                }
                if (!await pending)
                {
                    return;
                }
                while (subscription.Reader.TryRead(out var change))
                {
                    if (change.Generation > lastSent)
                    {
                        lastSent = change.Generation;
                        await WriteEventAsync(http, change, token);
                    }
                }
                pending = subscription.Reader.WaitToReadAsync(token).AsTask();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // The client left, the host is stopping, or the client fell behind and is dropped.
        }
    }

    private static async Task WriteEventAsync(HttpContext http, CatalogStep change, CancellationToken token)
    {
        var data = new System.Text.Json.Nodes.JsonObject { ["generation"] = change.Generation };
        if (change.Providers is not null)
        {
            data["providers"] = new System.Text.Json.Nodes.JsonArray([.. change.Providers.Select(id => (System.Text.Json.Nodes.JsonNode?)id)]);
        }
        if (change.Authors is not null)
        {
            data["authors"] = new System.Text.Json.Nodes.JsonArray([.. change.Authors.Select(id => (System.Text.Json.Nodes.JsonNode?)id)]);
        }
        if (change.Providers is not null && await ChangeEventSummary.OfAsync(http.RequestServices, change) is { } summary)
        {
            data["summary"] = summary;
            data["changes"] = string.Create(CultureInfo.InvariantCulture, $"/api/v1/changes/{change.Generation}");
        }
        await WriteAsync(http, string.Create(CultureInfo.InvariantCulture, $"id: {change.Generation}\nevent: catalog.published\ndata: {data.ToJsonString()}\n\n"), token);
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken token)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), token);
        await http.Response.Body.FlushAsync(token);
    }
}
