namespace Starmap.Http.Tests;

/// <summary>Silos of their own for settings the shared one must not have: no key, keyed reads, a tiny rate limit.</summary>
public sealed class ConfiguredSiloTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<T> WithSiloAsync<T>(Dictionary<string, string?> environment, Func<SiloProcess, HttpClient, Task<T>> test)
    {
        var data = await SeededStore.NewFolderAsync("http-configured");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, environment);
            using var client = new HttpClient { BaseAddress = silo.Http };
            return await test(silo, client);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task With_no_key_configured_writes_are_refused_with_a_403_saying_how_to_configure_one()
    {
        var message = await WithSiloAsync(HttpSilo.Environment(apiKey: null), async (_, client) =>
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", "anything");
            using var response = await client.PostAsync("/api/v1/providers/openai/sync?dry_run=true", null, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var error = Responses.Error(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!, "forbidden");
            await client.JsonAsync("/api/v1/models?limit=1");
            return (string)error["message"]!;
        });
        Assert.Contains("Starmap:Http:ApiKey", message, StringComparison.Ordinal);
        Assert.Contains("STARMAP_API_KEY", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyed_reads_need_the_key_except_for_health_probes()
    {
        const string key = "reads-key-0c4e";
        await WithSiloAsync(HttpSilo.Environment(key, ("Starmap__Http__RequireKeyForReads", "true")), async (silo, client) =>
        {
            Responses.Error(await client.JsonAsync("/api/v1/models?limit=1", HttpStatusCode.Unauthorized), "unauthorized");
            Responses.Error(await client.JsonAsync("/v1/models", HttpStatusCode.Unauthorized), "unauthorized");
            await client.JsonAsync("/health");
            await client.JsonAsync("/ready");
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            await client.JsonAsync("/api/v1/models?limit=1");
            await client.JsonAsync("/v1/models");
            Assert.DoesNotContain(key, silo.Output, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task A_client_over_the_rate_limit_gets_429_with_retry_after_and_probes_are_not_limited()
    {
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__RateLimitPermits", "5"), ("Starmap__Http__RateLimitWindow", "00:01:00")), async (_, client) =>
        {
            HttpResponseMessage? limited = null;
            for (var i = 0; i < 20 && limited is null; i++)
            {
                var response = await client.GetAsync("/api/v1/providers", Cancel);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    limited = response;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    response.Dispose();
                }
            }
            Assert.NotNull(limited);
            using (limited)
            {
                Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");
                Responses.Error(JsonNode.Parse(await limited.Content.ReadAsStringAsync(Cancel))!, "rate_limited");
            }
            await client.JsonAsync("/health");
            return 0;
        });
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__MaxRequestBodyBytes", "100")), async (_, client) =>
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", HttpSilo.ApiKey);
            using var body = new StringContent("{\"interval\":\"" + new string('1', 500) + "\"}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PutAsync("/api/v1/providers/openai/sync/schedule", body, Cancel);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Responses.Error(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!, "payload_too_large");
            return 0;
        });
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__CorsOrigins__0", "https://app.example")), async (_, client) =>
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/models");
            preflight.Headers.Add("Origin", "https://app.example");
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            using var allowed = await client.SendAsync(preflight, Cancel);
            Assert.Equal("https://app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

            using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models?limit=1");
            other.Headers.Add("Origin", "https://evil.example");
            using var refused = await client.SendAsync(other, Cancel);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
            return 0;
        });
    }
}
