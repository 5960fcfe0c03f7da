using System.Net.Http.Json;

namespace Starmap.Http.Tests;

/// <summary>API keys on writes, keyed reads, the key never echoed.</summary>
public sealed class SecurityTests(HttpSilo shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Sync(string provider = "openai") => new(HttpMethod.Post, $"/api/v1/providers/{provider}/sync?dry_run=true");

    [Fact]
    public async Task A_write_without_a_key_is_401_and_with_a_wrong_key_is_401()
    {
        using var anonymous = shared.Client();
        using var none = await anonymous.SendAsync(Sync(), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Responses.Error(JsonNode.Parse(await none.Content.ReadAsStringAsync(Cancel))!, "unauthorized");

        using var wrong = shared.Client("not-the-key");
        using var refused = await wrong.SendAsync(Sync(), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var schedule = await anonymous.PutAsJsonAsync("/api/v1/providers/openai/sync/schedule", new { interval = "06:00:00" }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, schedule.StatusCode);
        using var delete = await anonymous.DeleteAsync("/api/v1/providers/openai/sync/schedule", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [Fact]
    public async Task The_right_key_runs_a_dry_run_sync_which_reports_the_missing_provider_key()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var response = await client.SendAsync(Sync(), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = JsonNode.Parse(body)!;
        Assert.Equal("openai", (string?)result["provider_id"]);
        Assert.True((bool)result["dry_run"]!);
        var api = result["sources"]!.AsArray().First(s => (string?)s!["source"] == "provider-api")!;
        Assert.Equal("skipped", (string?)api["status"]);
        Assert.Contains("OPENAI_API_KEY", (string?)api["error"], StringComparison.Ordinal);
        Assert.NotNull(result["changes"]);

        using var viaHeader = new HttpClient { BaseAddress = shared.Silo.Http };
        viaHeader.DefaultRequestHeaders.Add("X-Api-Key", HttpSilo.ApiKey);
        using var again = await viaHeader.SendAsync(Sync("groq"), Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // A dry run is not the last outcome; a real sync (nothing to apply without the key) is.
        using (var real = await client.PostAsync("/api/v1/providers/openai/sync", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        }
        var last = await client.JsonAsync("/api/v1/providers/openai/sync/last");
        Assert.Equal("http", (string?)last["trigger"]);
    }

    [Fact]
    public async Task Schedules_are_set_read_and_removed_with_the_key_and_bad_intervals_name_the_field()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var set = await client.PutAsJsonAsync("/api/v1/providers/mistral/sync/schedule", new { interval = "06:00:00" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var schedule = await client.JsonAsync("/api/v1/providers/mistral/sync/schedule");
        Assert.True((bool)schedule["enabled"]!);
        Assert.Equal("06:00:00", (string?)schedule["interval"]);

        using var tooShort = await client.PutAsJsonAsync("/api/v1/providers/mistral/sync/schedule", new { interval = "00:00:01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Responses.Error(JsonNode.Parse(await tooShort.Content.ReadAsStringAsync(Cancel))!, "invalid_parameter", "interval");
        using var garbage = await client.PutAsJsonAsync("/api/v1/providers/mistral/sync/schedule", new { interval = "often" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        using var removed = await client.DeleteAsync("/api/v1/providers/mistral/sync/schedule", Cancel);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False((bool)(await client.JsonAsync("/api/v1/providers/mistral/sync/schedule"))["enabled"]!);
    }

    [Fact]
    public async Task Reads_are_public_by_default_and_no_origin_is_allowed_by_cors()
    {
        using var anonymous = shared.Client();
        await anonymous.JsonAsync("/api/v1/models?limit=1");
        await anonymous.JsonAsync("/api/v1/providers/openai/sync/schedule");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models?limit=1");
        request.Headers.Add("Origin", "https://app.example");
        using var response = await anonymous.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_key_is_never_echoed_in_responses_or_logs()
    {
        using var right = shared.Client(HttpSilo.ApiKey);
        using var wrong = shared.Client(HttpSilo.ApiKey + "-wrong");
        var seen = new List<string>();
        foreach (var client in new[] { right, wrong })
        {
            foreach (var request in new Func<HttpRequestMessage>[]
            {
                () => Sync(),
                () => new(HttpMethod.Get, "/api/v1/models?limit=1"),
                () => new(HttpMethod.Get, "/api/v1/providers/openai/sync/last"),
                () => new(HttpMethod.Delete, "/api/v1/providers/openai/sync/schedule"),
                () => new(HttpMethod.Get, "/ready"),
            })
            {
                using var response = await client.SendAsync(request(), Cancel);
                seen.Add(response.Headers.ToString() + await response.Content.ReadAsStringAsync(Cancel));
            }
        }
        Assert.All(seen, s => Assert.DoesNotContain(HttpSilo.ApiKey, s, StringComparison.Ordinal));
        Assert.DoesNotContain(HttpSilo.ApiKey, shared.Silo.Output, StringComparison.Ordinal);
    }
}
