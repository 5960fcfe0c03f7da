using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Starmap.Testing;

/// <summary>
/// A real HTTP server on a loopback port that answers scripted responses per path, so clients are
/// tested through sockets, headers, timeouts and truncation rather than a mocked handler.
/// A route is a path with an optional query (<c>/v1/models?after_id=b</c>): it matches a request on
/// that path carrying at least those query values, and the route with the most query values wins.
/// Each route plays its responses in order and then repeats the last one.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Route> _routes = [];
    private readonly Lock _gate = new();

    private ReplayServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:43121/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<ReplayServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ReplayServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server = new ReplayServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery.TrimStart('/')).ToString();

    /// <summary>Scripts <paramref name="responses"/> for <paramref name="route"/>, replacing any earlier script.</summary>
    public ReplayServer Map(string route, params ReplayResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (responses is null || responses.Length == 0)
        {
            throw new ArgumentException("at least one response is needed", nameof(responses));
        }
        var parsed = Route.Parse(route, responses);
        lock (_gate)
        {
            _routes.RemoveAll(r => r.Key == parsed.Key);
            _routes.Add(parsed);
        }
        return this;
    }

    /// <summary>Requests received on <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var recorded = new RecordedRequest
        {
            Method = request.Method,
            ReceivedAt = DateTimeOffset.UtcNow,
            Path = request.Path.Value ?? "/",
            QueryString = request.QueryString.Value ?? "",
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        _requests.Enqueue(recorded);

        ReplayResponse? response;
        lock (_gate)
        {
            response = _routes
                .Where(r => r.Matches(recorded))
                .OrderByDescending(r => r.Query.Count)
                .FirstOrDefault()?.Next();
        }
        response ??= ReplayResponse.WithStatus(404, $$"""{"error":"no replay route for {{recorded.Path}}"}""");

        var aborted = context.RequestAborted;
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, aborted).ConfigureAwait(false);
            }
            await WriteAsync(context, response, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing left to answer.
        }
    }

    private static async Task WriteAsync(HttpContext context, ReplayResponse response, CancellationToken aborted)
    {
        var body = response.ReadBody();
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentLength = body.Length;
        if (response.TruncateAfterBytes is { } cut && cut < body.Length)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, cut), aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            // Let the client take in the headers and the partial body first: an immediate reset may
            // make its socket discard them, and the cut would look like a failed request instead.
            await Task.Delay(TimeSpan.FromMilliseconds(100), aborted).ConfigureAwait(false);
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(body, aborted).ConfigureAwait(false);
    }

    private sealed class Route
    {
        private readonly ReplayResponse[] _responses;
        private int _next;

        private Route(string key, string path, Dictionary<string, string> query, ReplayResponse[] responses)
        {
            Key = key;
            Path = path;
            Query = query;
            _responses = responses;
        }

        public string Key { get; }

        public string Path { get; }

        public Dictionary<string, string> Query { get; }

        public static Route Parse(string route, ReplayResponse[] responses)
        {
            var question = route.IndexOf('?', StringComparison.Ordinal);
            var path = "/" + (question < 0 ? route : route[..question]).TrimStart('/');
            var query = new Dictionary<string, string>(StringComparer.Ordinal);
            if (question >= 0)
            {
                foreach (var (name, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(route[question..]))
                {
                    query[name] = value.ToString();
                }
            }
            var key = path + "?" + string.Join("&", query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value));
            return new Route(key, path, query, [.. responses]);
        }

        public bool Matches(RecordedRequest request) =>
            string.Equals(Path, request.Path, StringComparison.Ordinal) &&
            Query.All(q => request.Query.TryGetValue(q.Key, out var value) && value == q.Value);

        // Called under the server's lock.
        public ReplayResponse Next()
        {
            var response = _responses[Math.Min(_next, _responses.Length - 1)];
            _next++;
            return response;
        }
    }
}
