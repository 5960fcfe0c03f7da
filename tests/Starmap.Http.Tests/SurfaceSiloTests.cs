using System.Diagnostics;
using Orleans.Runtime;
using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// Silos of their own for the surface settings the shared one must not have: the dashboard, keyed reads,
/// trusted proxies and tiny rate limits, debug logs, and a two-silo cluster with one silo paused.
/// </summary>
public sealed class SurfaceSiloTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task WithSiloAsync(Dictionary<string, string?> environment, Func<SiloProcess, HttpClient, Task> test)
    {
        var data = await SeededStore.NewFolderAsync("http-surface");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, environment);
            using var client = new HttpClient { BaseAddress = silo.Http };
            await test(silo, client);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request, Cancel);
    }

    private static async Task ExpectErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Responses.Error(JsonNode.Parse(body)!, code);
        }
    }

    [Fact]
    public async Task The_dashboard_when_configured_needs_the_write_key_and_metrics_and_the_document_follow_keyed_reads()
    {
        const string key = "dashboard-key-71c2";
        await WithSiloAsync(HttpSilo.Environment(key, ("Starmap__Http__Dashboard", "true"), ("Starmap__Http__RequireKeyForReads", "true")), async (silo, client) =>
        {
            foreach (var url in new[] { "/dashboard/", "/dashboard/Trace", "/metrics", "/openapi/v1.json" })
            {
                using var anonymous = await GetAsync(client, url);
                Assert.True(anonymous.Headers.WwwAuthenticate.Count > 0, $"{url}: no WWW-Authenticate");
                await ExpectErrorAsync(anonymous, HttpStatusCode.Unauthorized, "unauthorized");
                await ExpectErrorAsync(await GetAsync(client, url, ("X-Api-Key", key + "-wrong")), HttpStatusCode.Unauthorized, "unauthorized");
            }
            // A browser is asked for the key (Basic: any user name, the key as password).
            using (var prompt = await GetAsync(client, "/dashboard/"))
            {
                Assert.Contains(prompt.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
            }

            using (var dashboard = await GetAsync(client, "/dashboard/", ("X-Api-Key", key)))
            {
                Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
                Assert.Contains("Orleans", await dashboard.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
            }
            var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + key));
            using (var browser = await GetAsync(client, "/dashboard/", ("Authorization", "Basic " + basic)))
            {
                Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
            }
            foreach (var url in new[] { "/metrics", "/openapi/v1.json" })
            {
                using var keyed = await GetAsync(client, url, ("Authorization", "Bearer " + key));
                Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
            }
            Assert.DoesNotContain(key, silo.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Turning_the_dashboard_on_without_a_key_stops_the_silo_naming_the_setting()
    {
        var data = TestFolders.New("http-dashboard-nokey");
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(apiKey: null, ("Starmap__Http__Dashboard", "true")));
            });
            Assert.Contains("Starmap:Http:Dashboard", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_get_their_own_rate_limit_buckets()
    {
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__TrustedProxies__0", "127.0.0.1"),
            ("Starmap__Http__RateLimitPermits", "3"), ("Starmap__Http__RateLimitWindow", "00:05:00")), async (_, client) =>
        {
            for (var i = 0; i < 3; i++)
            {
                using var allowed = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "203.0.113.1"));
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            await ExpectErrorAsync(await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "203.0.113.1")), HttpStatusCode.TooManyRequests, "rate_limited");

            // Another client behind the same proxy, and the proxy itself, still have their whole window.
            using var other = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "203.0.113.2"));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            using var chained = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "198.51.100.7, 203.0.113.3"));
            Assert.Equal(HttpStatusCode.OK, chained.StatusCode);
            using var direct = await GetAsync(client, "/api/v1/providers");
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        });
    }

    [Fact]
    public async Task A_forwarded_header_from_an_untrusted_peer_is_ignored_and_retry_after_counts_down_the_window()
    {
        var window = TimeSpan.FromSeconds(8);
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__TrustedProxies__0", "10.0.0.0/8"),
            ("Starmap__Http__RateLimitPermits", "2"), ("Starmap__Http__RateLimitWindow", "00:00:08")), async (_, client) =>
        {
            // The server's window starts between these two clocks.
            var beforeFirst = Stopwatch.StartNew();
            using (var first = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "203.0.113.1")))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }
            var clock = Stopwatch.StartNew();
            using (var second = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", "203.0.113.2")))
            {
                Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            }

            // A spoofed address from a peer that is not a trusted proxy changes nothing: same bucket.
            var seen = new List<int>();
            while (true)
            {
                using var response = await GetAsync(client, "/api/v1/providers", ("X-Forwarded-For", $"198.51.100.{seen.Count % 200 + 1}"));
                var elapsed = clock.Elapsed;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                var retryAfter = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
                // Never more than what is left (rounded up), never zero.
                Assert.InRange(retryAfter, 1, (int)Math.Ceiling((window - elapsed).TotalSeconds) + 1);
                seen.Add(retryAfter);
                Assert.True(clock.Elapsed < window * 3, $"the window never ended; Retry-After said {string.Join(", ", seen)}");
                await Task.Delay(250, Cancel);
            }
            Assert.True(beforeFirst.Elapsed >= window, $"allowed again after {beforeFirst.Elapsed}, before the window ended");
            Assert.Contains(seen, s => s <= window.TotalSeconds / 2);
            Assert.Equal(seen.OrderByDescending(s => s), seen);
        });
    }

    [Fact]
    public async Task A_client_error_logs_one_escaped_debug_line_and_no_error_or_stack()
    {
        await WithSiloAsync(HttpSilo.Environment(HttpSilo.ApiKey, ("Logging__LogLevel__Starmap.Http", "Debug")), async (silo, client) =>
        {
            using (var forged = await GetAsync(client, "/api/v1/providers/x%0Afail:%20forged%E2%80%AEline"))
            {
                await ExpectErrorAsync(forged, HttpStatusCode.BadRequest, "invalid_parameter");
            }
            using (var nul = await GetAsync(client, "/api/v1/models?sort=%00nul%E2%80%AE"))
            {
                var body = await nul.Content.ReadAsStringAsync(Cancel);
                Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
                var message = (string)JsonNode.Parse(body)!["error"]!["message"]!;
                Assert.Contains("\\u0000nul\\u202e", message, StringComparison.Ordinal);
            }

            var clock = Stopwatch.StartNew();
            while (silo.Output.Split('\n').Count(l => l.Contains("answered 400", StringComparison.Ordinal)) < 2)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"no debug lines for the two 400s:\n{silo.Output}");
                await Task.Delay(50, Cancel);
            }
            var lines = silo.Output.Split('\n');
            var forgedLines = lines.Where(l => l.Contains("forged", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(forgedLines);
            Assert.Contains("dbug:", line, StringComparison.Ordinal);
            Assert.Contains("x\\u000afail: forged\\u202eline", line, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.Contains("fail:", StringComparison.Ordinal) && !l.Contains("forged", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains('\u202e', StringComparison.Ordinal) || l.Contains('\0', StringComparison.Ordinal));
        });
    }

    [Fact(Timeout = 180_000)]
    public async Task A_call_to_a_silo_that_stopped_answering_is_a_503_or_504_with_retry_after()
    {
        var data = TestFolders.New("http-paused-silo");
        try
        {
            // A seeds the store; B answers HTTP and waits 3 s per grain call. Seeding writes the providers' state
            // without activating their grains, so a read through A, while A is the only silo, puts openai's
            // grain on A (placed later, it could land on B, and stopping A would prove nothing).
            await using var a = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey));
            using (var viaA = new HttpClient { BaseAddress = a.Http, Timeout = TimeSpan.FromSeconds(60) })
            using (var onA = await viaA.GetAsync("/api/v1/providers/openai", Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
            }
            await using var b = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Messaging__ResponseTimeout", "00:00:03")), "starmap",
                "--primary-silo-port", $"{a.SiloPort}", "--seed", "false");
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { b.Gateway } }, Cancel);
            using var viaB = new HttpClient { BaseAddress = b.Http, Timeout = TimeSpan.FromSeconds(60) };
            // B's first call activates what it needs through A within B's 3 s timeout: on a loaded machine
            // that can take more than one try, so warm up until it answers (with a deadline).
            var warm = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (true)
            {
                using var first = await viaB.GetAsync("/api/v1/providers/openai", Cancel);
                if (first.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
                Assert.True(DateTime.UtcNow < warm, $"B never answered 200 before A was stopped: {(int)first.StatusCode}");
                await Task.Delay(TimeSpan.FromMilliseconds(250), Cancel);
            }
#pragma warning disable xUnit1051 // a grain call: the token is taken by WaitAsync
            var address = await connection.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(connection.Client.GetGrain<IProviderGrain>("openai")).AsTask().WaitAsync(Cancel);
#pragma warning restore xUnit1051
            Assert.True(address?.Endpoint.Port == a.SiloPort, $"provider grain openai is on {address}, not on A (silo port {a.SiloPort})");

            // A stops answering (a hung process or a partition), its membership unchanged.
            await Signal("-STOP", a.ProcessId);
            try
            {
                using var response = await viaB.GetAsync("/api/v1/providers/openai", Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                Assert.True(response.StatusCode is HttpStatusCode.GatewayTimeout or HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
                Responses.Error(JsonNode.Parse(body)!, response.StatusCode == HttpStatusCode.GatewayTimeout ? "timeout" : "unavailable");
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
            }
            finally
            {
                await Signal("-CONT", a.ProcessId);
            }
            Assert.DoesNotContain("Unexpected error", b.Output, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static async Task Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", [signal, $"{processId}"])!;
        await kill.WaitForExitAsync(Cancel);
        Assert.Equal(0, kill.ExitCode);
    }
}
