namespace Starmap.Cluster.Tests;

/// <summary>Two silo processes on one Redis: a write through one is read through the other, and both replicas converge.</summary>
public sealed class ConvergenceTests(SharedRedis redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_write_through_silo_A_is_read_through_silo_B_and_every_replica_reaches_its_generation()
    {
        await using var cluster = new RedisCluster(redis.Server, "converge");
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await using var viaA = await cluster.ConnectAsync(null, a);
        await using var viaB = await cluster.ConnectAsync(null, b);
        await RedisCluster.WaitForActiveSilosAsync(viaA, 2, Deadline);

        await viaA.Catalog.SetProviderAsync(Catalogs.Provider("converge"));
        var write = await viaA.Catalog.Providers.SetModelAsync("converge", Catalogs.Model("converge", "team/model@v1") with { Name = "Written via A" });

        // Through B's gateway: the grain, and B's catalog read at the write's generation.
        var model = await viaB.Catalog.Providers.GetModelAsync("converge", "team/model@v1");
        Assert.Equal("Written via A", model.Name);
        viaB.Catalog.RequireGeneration(write.Generation);
        var listed = await viaB.Catalog.Models.GetAsync("converge", "team/model@v1");
        Assert.Equal("Written via A", listed.Offering.Name);

        // Unasked, every silo's replica (what its HTTP API serves) reaches the same generation.
        var status = await viaB.Catalog.GetStatusAsync();
        Assert.True(status.Generation >= write.Generation);
        foreach (var silo in new[] { a, b })
        {
            await Eventually.ValueAsync(() => Catalogs.ServedGenerationAsync(silo), g => g == status.Generation, Deadline,
                $"silo {silo.SiloPort} serving generation {status.Generation}");
        }
        // The seed was written once for the cluster, not once per silo.
        Assert.Equal(Starmap.Catalog.Seed.BuiltInCatalog.Load().Providers.Count, (await viaB.Catalog.Providers.ListAsync()).Items.Count(p => p.Id != "converge"));
    }
}
