namespace Starmap.Cluster.Tests;

/// <summary>Every silo stopped and a fresh cluster started, then Redis itself crashed and restarted: nothing lost.</summary>
public sealed class RestartTests(SharedRedis redis)
{
    private const string ProviderId = "restart";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fresh_cluster_and_a_restarted_Redis_keep_every_acknowledged_write()
    {
        await using var cluster = new RedisCluster(redis.Server, "restart");
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var first = await cluster.ConnectAsync();
        await first.Catalog.SetProviderAsync(Catalogs.Provider(ProviderId));
        var written = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = $"kept/{i}@v1";
            await first.Catalog.Providers.SetModelAsync(ProviderId, Catalogs.Model(ProviderId, id));
            written.Add(id);
        }
        // A change to a seeded provider must survive too (a fresh cluster must not seed again).
        var groq = (await first.Catalog.Providers.GetAsync("groq")).Provider;
        await first.Catalog.SetProviderAsync(groq with { Name = "Groq, renamed before the restart" });
        var before = await first.Catalog.GetStatusAsync();

        // Every silo stops; a new cluster (new cluster ID, same service) starts over the same Redis.
        await cluster.StopAllAsync();
        cluster.ClusterId = $"{cluster.ServiceId}-2";
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var second = await cluster.ConnectAsync();
        await AssertKeptAsync(second, written, "a fresh cluster");
        Assert.Equal("Groq, renamed before the restart", (await second.Catalog.Providers.GetAsync("groq")).Provider.Name);
        var after = await second.Catalog.GetStatusAsync();
        Assert.True(after.Generation >= before.Generation, $"generation went back from {before.Generation} to {after.Generation}");
        Assert.Equal(before.Offerings, after.Offerings);

        // Redis is killed (no shutdown, no save) and started again on its append-only file.
        await redis.Server.CrashAndRestartAsync();
        await AssertKeptAsync(second, written, "a Redis crash");
        // Writes work again once the silos reconnect, and an acknowledged one survives the next crash.
        var late = await Eventually.ValueAsync(
            () => second.Catalog.Providers.SetModelAsync(ProviderId, Catalogs.Model(ProviderId, "kept/after-redis-restart@v1")),
            _ => true, Deadline, "a write accepted after Redis restarted");
        written.Add("kept/after-redis-restart@v1");
        await redis.Server.CrashAndRestartAsync();
        await AssertKeptAsync(second, written, "a second Redis crash");
        var final = await Eventually.ValueAsync(() => second.Catalog.Providers.GetAsync(ProviderId), _ => true, Deadline, "the provider readable");
        Assert.True(final.Version >= late.Version);
    }

    private static async Task AssertKeptAsync(StarmapConnection connection, IReadOnlyCollection<string> written, string after)
    {
        var details = await Eventually.ValueAsync(() => connection.Catalog.Providers.GetAsync(ProviderId), _ => true, Deadline, $"the provider readable after {after}");
        var present = details.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
        var lost = written.Where(id => !present.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"lost after {after}: {string.Join(", ", lost)}");
    }
}
