using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Starmap.Catalog.Snapshot;
using Starmap.Grains.Catalog;

namespace Starmap.Grains.Tests;

/// <summary>A one-silo cluster of its own, so no other test's publish moves a generation these tests count.</summary>
public sealed class DeltaCluster : IAsyncLifetime
{
    private readonly string _data = TestData.NewDirectory("delta");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public StarmapCatalog Catalog { get; private set; } = null!;

    public IGrainFactory SiloGrains => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public ICatalogRegistryGrain Registry => Cluster.Client.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    public async ValueTask InitializeAsync()
    {
        Cluster = TestClusters.Create(_data, silos: 1);
        await Cluster.DeployAsync();
        Catalog = new StarmapCatalog(Cluster.Client);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        TestData.Delete(_data);
    }

    /// <summary>
    /// A replica that is never told of a publish (not started with the silo, so it neither subscribes nor
    /// polls): it only learns of generations when asked for one, like a replica whose notices were lost.
    /// </summary>
    public CatalogReplica DeafReplica() => new(SiloGrains, NullLogger<CatalogReplica>.Instance);
}

/// <summary>
/// Publishes reach replicas as deltas: the registry says what each generation changed, a replica asks
/// for the changes since its own generation, and builds the next snapshot from them.
/// </summary>
public sealed class CatalogDeltaTests(DeltaCluster fixture) : IClassFixture<DeltaCluster>
{
    [Fact]
    public async Task A_replica_that_missed_notices_converges_by_version_without_a_whole_export()
    {
        var id = TestData.UniqueId("missed");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        using var replica = fixture.DeafReplica();
        var loaded = await replica.EnsureAsync(fixture.Catalog.SeenGeneration);
        var before = replica.Transfers;

        // Three publishes the replica hears nothing of.
        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "one"));
        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "two"));
        var last = await fixture.Catalog.Authors.SetAsync(Samples.Author(TestData.UniqueId("missed-author")));

        var caughtUp = await replica.EnsureAsync(last.Generation);
        Assert.Equal(last.Generation, caughtUp.Generation);
        Assert.NotNull(caughtUp.FindModel(id, "two"));
        var after = replica.Transfers;
        Assert.Equal(before.Exports, after.Exports);
        Assert.Equal(before.Deltas + 1, after.Deltas);
        // The provider once (however often it changed) and the author: not the catalog.
        Assert.Equal(1, after.Providers - before.Providers);
        Assert.Equal(1, after.Authors - before.Authors);
        Assert.True(caughtUp.Generation > loaded.Generation);
        await AssertEqualsBuildFromExportAsync(caughtUp);
    }

    [Fact]
    public async Task A_publish_of_one_provider_moves_only_that_provider_to_a_replica()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => TestData.UniqueId("only")).ToList();
        foreach (var id in ids)
        {
            await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
            await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "base"));
        }
        using var replica = fixture.DeafReplica();
        await replica.EnsureAsync(fixture.Catalog.SeenGeneration);
        var before = replica.Transfers;
        var offerings = (await fixture.Catalog.Providers.GetAsync(ids[2])).Offerings.Count;

        var write = await fixture.Catalog.Providers.SetModelAsync(ids[2], Samples.Offering(ids[2], "added"));
        var snapshot = await replica.EnsureAsync(write.Generation);

        var after = replica.Transfers;
        Assert.Equal(1, after.Providers - before.Providers);
        Assert.Equal(0, after.Authors - before.Authors);
        Assert.Equal(offerings + 1, after.Offerings - before.Offerings);
        Assert.Equal(before.Exports, after.Exports);
        Assert.NotNull(snapshot.FindModel(ids[2], "added"));
        await AssertEqualsBuildFromExportAsync(snapshot);
    }

    [Fact]
    public async Task A_listener_of_the_change_feed_sees_each_generation_once_and_in_order_with_what_changed()
    {
        var feed = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ICatalogChangeFeed>();
        var id = TestData.UniqueId("feed");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<CatalogReplica>().EnsureAsync(fixture.Catalog.SeenGeneration);
        using var subscription = feed.Subscribe(64);
        var start = feed.Generation;

        var writes = new List<WriteResult>();
        for (var i = 0; i < 6; i++)
        {
            writes.Add(await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, $"m{i}")));
        }
        var author = TestData.UniqueId("feed-author");
        writes.Add(await fixture.Catalog.Authors.SetAsync(Samples.Author(author)));

        var seen = new List<CatalogStep>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (seen.Count == 0 || seen[^1].Generation < writes[^1].Generation)
        {
            seen.Add(await subscription.Reader.ReadAsync(timeout.Token));
        }
        // Each generation after the one it started at, once, in order, each step naming the one before.
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(n => start + n), seen.Select(c => c.Generation));
        Assert.All(seen, c => Assert.Equal(c.Generation - 1, c.Previous));
        foreach (var write in writes.Take(6))
        {
            Assert.Equal([id], seen.Single(c => c.Generation == write.Generation).Providers!);
        }
        var authorChange = seen.Single(c => c.Generation == writes[^1].Generation);
        Assert.Equal([author], authorChange.Authors!);
        Assert.Empty(authorChange.Providers!);
    }

    [Fact]
    public async Task A_listener_that_does_not_keep_up_is_dropped_instead_of_buffered_without_bound()
    {
        var feed = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ICatalogChangeFeed>();
        var id = TestData.UniqueId("slow");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        using var slow = feed.Subscribe(1);
        WriteResult last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, $"s{i}"));
        }
        await Eventually.ValueAsync(() => Task.FromResult(feed.Generation), g => g >= last.Generation, TimeSpan.FromSeconds(20));

        // The one queued change can still be read; then the queue ends with the reason.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () =>
        {
            while (true)
            {
                await slow.Reader.ReadAsync(timeout.Token);
            }
        });
        Assert.Contains("did not keep up", (error.InnerException ?? error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_change_updates_the_definitions_and_credits_of_the_offerings_it_reaches_on_replicas()
    {
        var authorId = TestData.UniqueId("author");
        var providerId = TestData.UniqueId("joined");
        await fixture.Catalog.Authors.SetAsync(Samples.Author(authorId));
        var definition = Samples.Definition(authorId, "model-x");
        await fixture.Catalog.Authors.SetModelAsync(definition);
        await fixture.Catalog.SetProviderAsync(Samples.Provider(providerId));
        await fixture.Catalog.Providers.SetModelAsync(providerId, Samples.Offering(providerId, "linked") with { DefinitionId = definition.Id, AuthorIds = [] });
        await fixture.Catalog.Providers.SetModelAsync(providerId, Samples.Offering(providerId, "matched") with { DefinitionId = null, AuthorIds = [] });
        using var replica = fixture.DeafReplica();
        await replica.EnsureAsync(fixture.Catalog.SeenGeneration);

        // A renamed definition and a rule crediting the author with the provider's other model.
        await fixture.Catalog.Authors.SetModelAsync(definition with { Name = "Renamed" });
        var author = (await fixture.Catalog.Authors.GetAsync(authorId)).Author;
        var write = await fixture.Catalog.Authors.SetAsync(author with { Attribution = [new AttributionRule { ProviderId = providerId, Patterns = ["match*"] }] });

        var snapshot = await replica.EnsureAsync(write.Generation);
        Assert.Equal("Renamed", snapshot.FindModel(providerId, "linked")!.Definition!.Name);
        Assert.Contains(authorId, snapshot.FindModel(providerId, "matched")!.AuthorIds);
        Assert.Equal(2, snapshot.AuthorModels(authorId).Count);
        await AssertEqualsBuildFromExportAsync(snapshot);
    }

    [Fact]
    public async Task The_registry_answers_unknown_for_generations_before_its_journal_so_a_replica_takes_the_export()
    {
        var status = await fixture.Registry.GetStatusAsync();
        Assert.Null(await fixture.Registry.GetChangesAsync(status.Generation + 1));
        var empty = await fixture.Registry.GetChangesAsync(status.Generation);
        Assert.NotNull(empty);
        Assert.Empty(empty.Notices);
        Assert.Empty(empty.Providers);
    }

    [Fact]
    public async Task After_the_registry_reactivates_a_replica_behind_it_falls_back_to_the_whole_export_and_still_converges()
    {
        var id = TestData.UniqueId("reactivated");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        using var replica = fixture.DeafReplica();
        await replica.EnsureAsync(fixture.Catalog.SeenGeneration);
        var before = replica.Transfers;
        var write = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "before-restart"));

        // Deactivate every idle activation, the registry included: its journal of recent generations is gone.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Null(await fixture.Registry.GetChangesAsync(write.Generation - 1));

        var snapshot = await replica.EnsureAsync(write.Generation);
        Assert.Equal(before.Exports + 1, replica.Transfers.Exports);
        Assert.NotNull(snapshot.FindModel(id, "before-restart"));
        await AssertEqualsBuildFromExportAsync(snapshot);
    }

    /// <summary>The delta-built snapshot equals the one built from scratch from the registry's states.</summary>
    private async Task AssertEqualsBuildFromExportAsync(CatalogSnapshot snapshot)
    {
        var content = await fixture.Registry.ExportAsync();
        Assert.Equal(content.Generation, snapshot.Generation);
        var built = CatalogSnapshot.Build(content.Generation, content.Providers, content.Authors);
        Assert.Equal(built.Providers, snapshot.Providers);
        Assert.Equal(built.Authors, snapshot.Authors);
        Assert.Equal(built.Definitions, snapshot.Definitions);
        Assert.Equal(built.Models, snapshot.Models);
        Assert.Equal(built.Endpoints, snapshot.Endpoints);
    }
}
