using System.Globalization;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class ResilienceTests
{
    private const string OneModel = """{"object":"list","data":[{"id":"gpt-4o","owned_by":"system"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Harness> StartAsync(Action<SourceOptions>? configure = null)
    {
        var h = await Harness.StartAsync(configure);
        h.Environment["OPENAI_API_KEY"] = "sk-resilience";
        return h;
    }

    [Fact]
    public async Task Unauthorized_fails_at_once_with_a_clear_reason()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(401, """{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"""));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Single(h.Server.Requests);   // 401 is not retried
        Assert.Contains("HTTP 401", ex.Message);
        Assert.Contains("the API key was refused", ex.Message);
        Assert.Contains("Incorrect API key provided", ex.Message);
        Assert.StartsWith("openai: GET " + h.Server.Url("/v1/models"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        await using var h = await StartAsync(o => o.RetryBaseDelay = TimeSpan.FromMinutes(5));
        h.Server.Map("/v1/models", ReplayResponse.TooManyRequests("1"), ReplayResponse.Json(OneModel));
        var started = TimeProvider.System.GetTimestamp();

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);
        Assert.Equal(2, h.Server.Requests.Count);
        // Retry-After (1 s) was used rather than the 5 min base backoff.
        var waited = TimeProvider.System.GetElapsedTime(started);
        Assert.InRange(waited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured_and_capped()
    {
        await using var h = await StartAsync(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(50));
        var later = DateTimeOffset.UtcNow.AddHours(1).ToString("r", CultureInfo.InvariantCulture);
        h.Server.Map("/v1/models", ReplayResponse.TooManyRequests(later), ReplayResponse.Json(OneModel));

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);   // an hour's Retry-After was capped to 50 ms
    }

    [Fact]
    public async Task Server_error_then_success_is_retried()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(500, "oops"), ReplayResponse.WithStatus(503), ReplayResponse.Json(OneModel));

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_max_retries()
    {
        await using var h = await StartAsync(o => o.MaxRetries = 2);
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(502, "bad gateway"));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Equal(3, h.Server.Requests.Count);
        Assert.Contains("HTTP 502", ex.Message);
        Assert.Contains("gave up after 3 attempts", ex.Message);
    }

    [Fact]
    public async Task Malformed_json_fails_with_the_position()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[{"id":"a",}"""));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("not valid JSON at line 1", ex.Message);
        Assert.Contains("openai", ex.Message);
    }

    [Fact]
    public async Task Html_instead_of_json_fails()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", new ReplayResponse { Body = "<html>maintenance</html>", ContentType = "text/html" });

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("answered HTML, not JSON (24 bytes starting '<html>maintenance</html>')", ex.Message);
    }

    [Fact]
    public async Task Truncated_body_fails_as_cut_off()
    {
        await using var h = await StartAsync(o => o.MaxRetries = 1);
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { TruncateAfterBytes = 20 });

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("response cut off", ex.Message);
        Assert.Equal(2, h.Server.Requests.Count);   // a cut connection is transient: retried once
    }

    [Fact]
    public async Task Truncated_once_then_whole_succeeds()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { TruncateAfterBytes = 10 }, ReplayResponse.Json(OneModel));

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);
    }

    [Fact]
    public async Task A_response_slower_than_the_request_timeout_fails()
    {
        await using var h = await StartAsync(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 0;
        });
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { Delay = TimeSpan.FromSeconds(30) });

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("no complete response within 200 ms", ex.Message);
    }

    [Fact]
    public async Task A_slow_first_answer_is_retried_within_the_timeout()
    {
        await using var h = await StartAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { Delay = TimeSpan.FromSeconds(30) }, ReplayResponse.Json(OneModel));

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);
    }

    [Fact]
    public async Task A_body_over_the_size_cap_fails()
    {
        await using var h = await StartAsync(o => o.MaxProviderResponseBytes = 1024);
        var big = """{"data":[""" + string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"id":"model-{{i}}","owned_by":"system"}""")) + "]}";
        h.Server.Map("/v1/models", ReplayResponse.Json(big));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("exceeds the 1024-byte limit", ex.Message);
        Assert.Single(h.Server.Requests);   // not retried: the next answer would be as big
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_body_not_in_the_compression_its_content_encoding_names_fails_naming_that_and_is_not_retried(string encoding)
    {
        await using var h = await StartAsync(o => o.MaxRetries = 2);
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { Headers = new Dictionary<string, string> { ["Content-Encoding"] = encoding } });

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.StartsWith("openai: GET " + h.Server.Url("/v1/models"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("the body is not in the compression its Content-Encoding names", ex.Message, StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);   // the next answer would be the same
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", new ReplayResponse { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" } });

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("not followed", ex.Message);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_stops_the_fetch()
    {
        await using var h = await StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json(OneModel) with { Delay = TimeSpan.FromSeconds(30) });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Api.FetchAsync(OpenAI(h.Server), cancel.Token));
    }
}
