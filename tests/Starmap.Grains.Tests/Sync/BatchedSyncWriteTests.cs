using Starmap.Grains.Sync;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// A sync writes each author it touches once (all that author's definitions in one batch, one stored
/// version, one catalog generation), expecting the author as it read it.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class BatchedSyncWriteTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    private static readonly SyncRequest ModelsDevOnly = new() { Sources = [SourceIds.ModelsDev] };

    /// <summary>A provider whose one catalog author is a new author: every model it lists is credited to it.</summary>
    private async Task<(string Provider, string Author)> ArrangeAsync(params string[] models)
    {
        var provider = TestData.UniqueId("batchsync");
        var author = TestData.UniqueId("lab");
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(provider, [.. models.Select(m => (m, 1m, 2m))])));
        await Catalog.Authors.CreateAsync(Samples.Author(author));
        var record = SyncPayloads.Provider(provider, fixture.Server.Url($"/{provider}/v1/models"));
        await Catalog.SetProviderAsync(record with { Catalog = record.Catalog! with { Authors = [author] } });
        return (provider, author);
    }

    [Fact]
    public async Task A_sync_that_adds_many_definitions_of_one_author_writes_that_author_once()
    {
        var (provider, author) = await ArrangeAsync("m1", "m2", "m3", "m4", "m5");
        var before = await Catalog.Authors.GetAsync(author);

        var result = await Catalog.Sync.SyncAsync(provider, ModelsDevOnly);

        Assert.Equal(SyncStatus.Applied, result.Status);
        Assert.Equal(5, result.Changes.AddedDefinitions.Count);
        var after = await Catalog.Authors.GetAsync(author);
        Assert.Equal(before.Version + 1, after.Version); // five definitions, one stored version, one publish
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], after.Definitions.Select(d => d.Slug));
        Assert.All((await Catalog.Providers.GetAsync(provider)).Offerings, o => Assert.Equal(author, o.AuthorIds.Single()));
    }

    [Fact]
    public async Task A_definition_edited_while_its_sync_runs_is_read_again_and_merged_into_not_overwritten()
    {
        var (provider, author) = await ArrangeAsync("m1", "m2");
        var edited = Samples.Definition(author, "m1") with { Name = "Named by hand" };
        var before = await Catalog.Authors.GetAsync(author);
        fixture.Hooks.BeforeApply(provider, () => fixture.Cluster.Client.GetGrain<IAuthorGrain>(author).SetModelAsync(edited));

        var result = await Catalog.Sync.SyncAsync(provider, ModelsDevOnly);

        // The first try saw the edit would be overwritten and wrote nothing; the second read it and merged
        // (the default authority table only fills a definition's fields).
        Assert.Equal(SyncStatus.Applied, result.Status);
        var after = await Catalog.Authors.GetAsync(author);
        Assert.Equal(before.Version + 2, after.Version); // the edit, then the sync's one batch
        Assert.Equal(["m1", "m2"], after.Definitions.Select(d => d.Slug));
        Assert.Equal("Named by hand", after.Definitions[0].Name);
        Assert.Equal(2, (await Catalog.Providers.GetAsync(provider)).Offerings.Count);
    }

    [Fact]
    public async Task A_definition_that_keeps_changing_under_the_sync_makes_it_a_conflict_that_writes_nothing()
    {
        var (provider, author) = await ArrangeAsync("m1");
        var providerBefore = await Catalog.Providers.GetAsync(provider);
        var grain = fixture.Cluster.Client.GetGrain<IAuthorGrain>(author);
        var edits = 0;
        Func<Task> editAgain = null!;
        editAgain = async () =>
        {
            await grain.SetModelAsync(Samples.Definition(author, "m1") with { Name = $"Edit {++edits}" });
            fixture.Hooks.BeforeApply(provider, editAgain); // and again on the next try
        };
        fixture.Hooks.BeforeApply(provider, editAgain);

        var result = await Catalog.Sync.SyncAsync(provider, ModelsDevOnly);

        Assert.Equal(SyncStatus.Rejected, result.Status);
        Assert.Contains("changed while it was syncing", result.Reason, StringComparison.Ordinal);
        Assert.Equal(SyncEngine.MaxTries, edits); // one edit under each of the sync's tries
        Assert.Equal($"Edit {SyncEngine.MaxTries}", (await Catalog.Authors.GetAsync(author)).Definitions.Single().Name);
        Assert.Equal(providerBefore, await Catalog.Providers.GetAsync(provider));
    }

    [Fact]
    public async Task An_edit_of_another_definition_of_the_author_does_not_stop_the_sync()
    {
        var (provider, author) = await ArrangeAsync("m1");
        fixture.Hooks.BeforeApply(provider, () => fixture.Cluster.Client.GetGrain<IAuthorGrain>(author)
            .SetModelAsync(Samples.Definition(author, "unrelated")));

        var result = await Catalog.Sync.SyncAsync(provider, ModelsDevOnly);

        Assert.Equal(SyncStatus.Applied, result.Status);
        Assert.Equal(["m1", "unrelated"], (await Catalog.Authors.GetAsync(author)).Definitions.Select(d => d.Slug));
    }

    [Fact]
    public async Task An_author_written_by_someone_else_between_the_syncs_read_and_write_is_read_again_and_the_sync_applies()
    {
        // What a sync of every provider meets: another provider's sync writes other definitions of the same
        // author between this sync's read of the author and its write (the author's version moves).
        var (provider, author) = await ArrangeAsync("m1");
        fixture.Hooks.BeforeAuthorWrite(author, () => fixture.Cluster.Client.GetGrain<IAuthorGrain>(author)
            .SetModelAsync(Samples.Definition(author, "written-meanwhile")));

        var result = await Catalog.Sync.SyncAsync(provider, ModelsDevOnly);

        Assert.True(result.Status == SyncStatus.Applied, result.Reason);
        Assert.Equal(["m1", "written-meanwhile"], (await Catalog.Authors.GetAsync(author)).Definitions.Select(d => d.Slug));
    }
}
