using Microsoft.Extensions.DependencyInjection;
using Starmap.Grains.Catalog;

namespace Starmap.Grains.Tests;

/// <summary>
/// Catalog-wide reads come from an immutable snapshot replicated to each silo of the 2-silo cluster;
/// a caller that wrote reads at least the generation its write returned on any silo.
/// </summary>
public sealed class ReplicaReadTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_silo_replica_catches_up_with_a_publish_without_being_asked()
    {
        Assert.Equal(2, fixture.Cluster.Silos.Count);
        var id = TestData.UniqueId("replica");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        var write = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "pushed"));

        foreach (var silo in fixture.Cluster.Silos)
        {
            var replica = silo.ServiceProvider.GetRequiredService<CatalogReplica>();
            var snapshot = await Eventually.ValueAsync(
                () => Task.FromResult(replica.Current), s => s.Generation >= write.Generation, TimeSpan.FromSeconds(20));
            Assert.NotNull(snapshot.FindModel(id, "pushed"));
        }
    }

    [Fact]
    public async Task A_read_on_either_silo_sees_at_least_the_generation_a_write_returned()
    {
        var id = TestData.UniqueId("ryw-silo");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        var write = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "mine"));

        foreach (var silo in fixture.Cluster.Silos)
        {
            // A stateless worker runs on the silo that calls it: this read is served by that silo's replica.
            var reader = silo.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<ICatalogReaderGrain>(0);
            var page = await reader.QueryModelsAsync(new ModelQuery { Providers = [id], MinGeneration = write.Generation });
            Assert.True(page.Generation >= write.Generation);
            Assert.Equal("mine", Assert.Single(page.Items).ModelId);
            var model = await reader.GetModelAsync(id, "mine", write.Generation);
            Assert.NotNull(model);
        }
    }

    [Fact]
    public async Task Definitions_asked_for_by_id_come_sorted_at_the_generation_asked_for_without_the_ones_the_catalog_lacks()
    {
        var id = TestData.UniqueId("by-id");
        var author = fixture.Client.GetGrain<IAuthorGrain>(id);
        await author.CreateAsync(Samples.Author(id));
        var write = await author.SetModelsAsync([Samples.Definition(id, "b"), Samples.Definition(id, "a"), Samples.Definition(id, "c")], expectedVersion: null);

        var reader = fixture.Client.GetGrain<ICatalogReaderGrain>(0);
        var found = await reader.FindDefinitionsAsync([$"{id}/c", $"{id}/missing", $"{id}/a", $"{id}/c", "not-an-id"], write.Generation);

        Assert.True(found.Generation >= write.Generation);
        Assert.Equal([$"{id}/a", $"{id}/c"], found.Items.Select(d => d.Id));
        Assert.Empty((await reader.FindDefinitionsAsync([], write.Generation)).Items);
    }

    [Fact]
    public async Task Asking_for_a_generation_that_does_not_exist_fails_instead_of_answering_old_data()
    {
        var status = await fixture.Catalog.GetStatusAsync();
        var reader = fixture.Client.GetGrain<ICatalogReaderGrain>(0);
        var error = await Assert.ThrowsAsync<StarmapException>(() => reader.ListProvidersAsync(status.Generation + 1_000_000));
        Assert.Contains("behind the requested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_share_the_replica_snapshot_instead_of_copying_it()
    {
        var replica = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<CatalogReplica>();
        var snapshot = await replica.EnsureAsync(0);
        var again = await replica.EnsureAsync(snapshot.Generation);
        // Same generation → the very same immutable object; nothing was copied to answer.
        if (again.Generation == snapshot.Generation)
        {
            Assert.Same(snapshot, again);
        }
        Assert.True(again.Generation >= snapshot.Generation);
    }

    [Fact]
    public async Task In_the_silo_the_catalog_facade_reads_the_local_replica_without_a_grain_call_and_keeps_read_your_writes()
    {
        var id = TestData.UniqueId("local-reader");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        var services = fixture.Cluster.Silos[1].ServiceProvider;
        var local = services.GetRequiredService<ICatalogReader>();
        Assert.IsType<SiloCatalogReader>(local);
        var catalog = new StarmapCatalog(services.GetRequiredService<IGrainFactory>(), local);

        // A write through the silo's facade is read back through its local reader at the write's generation.
        var write = await catalog.Providers.SetModelAsync(id, Samples.Offering(id, "local"));
        var page = await catalog.Models.QueryAsync(new ModelQuery { Providers = [id] });
        Assert.True(page.Generation >= write.Generation);
        Assert.Equal("local", Assert.Single(page.Items).ModelId);

        // The answer is the replica snapshot's own object: shared, not serialized or copied.
        var replica = services.GetRequiredService<CatalogReplica>();
        var before = replica.Current;
        var model = await local.GetModelAsync(id, "local", write.Generation);
        Assert.NotNull(model);
        // Unless another test's publish replaced the snapshot meanwhile, the answer is its very object.
        if (ReferenceEquals(before, replica.Current))
        {
            Assert.Same(before.FindModel(id, "local"), model);
        }
    }
}
