namespace Starmap.Cluster.Tests;

/// <summary>
/// In Redis mode the readiness health check asks the store too: while Redis is down <c>/ready</c> answers 503
/// naming the Redis server (never its password), and 200 again once Redis is back; <c>/health</c> stays 200.
/// </summary>
public sealed class StoreReadinessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ready_answers_503_naming_the_Redis_server_while_it_is_down_and_200_once_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new RedisCluster(redis, "store-ready");
        var silo = await cluster.StartSiloAsync();
        using var http = new HttpClient { BaseAddress = silo.Http };
        var cancel = TestContext.Current.CancellationToken;
        async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
        {
            using var response = await http.GetAsync(path, cancel);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/ready")).Status);

        await redis.KillAsync();
        var down = await Eventually.ValueAsync(() => GetAsync("/ready"), r => r.Status == HttpStatusCode.ServiceUnavailable, Deadline, "not ready without Redis");
        Assert.Contains("\"code\":\"not_ready\"", down.Body, StringComparison.Ordinal);
        Assert.Contains($"the store does not answer: redis {redis.ConnectionString}", down.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/health")).Status);

        await redis.CrashAndRestartAsync();
        var back = await Eventually.ValueAsync(() => GetAsync("/ready"), r => r.Status == HttpStatusCode.OK, Deadline, "ready again with Redis back");
        Assert.Contains("\"status\":\"ready\"", back.Body, StringComparison.Ordinal);
    }
}
