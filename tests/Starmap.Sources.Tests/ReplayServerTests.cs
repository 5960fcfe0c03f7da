using System.Net;
using Starmap.Testing;

namespace Starmap.Sources.Tests;

public sealed class ReplayServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plays_sequences_matches_query_routes_and_records_requests()
    {
        await using var server = await ReplayServer.StartAsync(Ct);
        server
            .Map("/a", ReplayResponse.WithStatus(500), ReplayResponse.Json("\"ok\""))
            .Map("/a?page=2", ReplayResponse.Json("\"two\""));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("/a?x=1"));
        request.Headers.Add("X-Test", "yes");

        using var first = await client.SendAsync(request, Ct);
        var second = await client.GetStringAsync(server.Url("/a"), Ct);
        var third = await client.GetStringAsync(server.Url("/a"), Ct);
        var paged = await client.GetStringAsync(server.Url("/a?page=2"), Ct);
        using var missing = await client.GetAsync(server.Url("/nowhere"), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(("\"ok\"", "\"ok\"", "\"two\""), (second, third, paged));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("127.0.0.1", server.BaseUri.Host);
        Assert.NotEqual(0, server.BaseUri.Port);
        var recorded = server.Requests[0];
        Assert.Equal("/a", recorded.Path);
        Assert.Equal("?x=1", recorded.QueryString);
        Assert.Equal("1", recorded.Query["x"]);
        Assert.Equal("yes", recorded.Header("x-test"));
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Sends_retry_after_and_cuts_bodies()
    {
        await using var server = await ReplayServer.StartAsync(Ct);
        server
            .Map("/limited", ReplayResponse.TooManyRequests("7"))
            .Map("/cut", ReplayResponse.Json(new string('x', 1000)) with { TruncateAfterBytes = 10 });
        using var client = new HttpClient();

        using var limited = await client.GetAsync(server.Url("/limited"), Ct);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(server.Url("/cut"), Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
    }
}
