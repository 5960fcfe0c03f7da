namespace Starmap.Cluster.Tests;

/// <summary>In cluster mode the change log is in Redis: what one silo publishes, another silo's log reader lists.</summary>
public sealed class ChangeLogClusterTests(SharedRedis redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_price_written_through_silo_A_is_in_the_change_log_read_through_silo_B()
    {
        await using var cluster = new RedisCluster(redis.Server, "changelog");
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await using var viaA = await cluster.ConnectAsync(null, a);
        await using var viaB = await cluster.ConnectAsync(null, b);
        await RedisCluster.WaitForActiveSilosAsync(viaA, 2, Deadline);

        await viaA.Catalog.SetProviderAsync(Catalogs.Provider("changelog"));
        var model = Catalogs.Model("changelog", "team/model@v1");
        await viaA.Catalog.Providers.SetModelAsync("changelog", model);
        var renamed = await viaA.Catalog.Providers.SetModelAsync("changelog", model with { Name = "Renamed via A" });

        // Through B's gateway the stateless log reader runs on B, over the Redis store both silos share.
        var page = await viaB.Catalog.Changes.ListAsync(new ChangeQuery { Provider = "changelog", Model = "team/model@v1", Field = "name" });
        var change = Assert.Single(page.Items);
        Assert.Equal((renamed.Generation, ChangeOrigins.Client, "\"Renamed via A\""), (change.Generation, change.Origin, change.New));
        var bounds = await viaB.Catalog.Changes.GetBoundsAsync();
        Assert.True(bounds.LastGeneration >= renamed.Generation);
        var info = await viaB.Catalog.Changes.FindGenerationAsync(renamed.Generation);
        Assert.Equal(["changelog"], info!.Providers);
    }
}
