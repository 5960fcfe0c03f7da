namespace Starmap.Grains.Tests;

/// <summary>
/// An author's batched definitions write (what a sync makes for each author it touches): all or
/// nothing, one stored version and one catalog generation, version-checked like the other writes.
/// </summary>
public sealed class AuthorBatchWriteTests(ClusterFixture fixture)
{
    private IAuthorGrain Grain(string id) => fixture.Client.GetGrain<IAuthorGrain>(id);

    private async Task<(string Id, WriteResult Created)> NewAuthorAsync()
    {
        var id = TestData.UniqueId("batch");
        return (id, await Grain(id).CreateAsync(Samples.Author(id)));
    }

    [Fact]
    public async Task A_batch_of_definitions_is_one_stored_version_and_one_catalog_generation()
    {
        var (id, created) = await NewAuthorAsync();
        await Grain(id).SetModelAsync(Samples.Definition(id, "kept"));
        var before = (await Grain(id).GetAsync())!;

        var write = await Grain(id).SetModelsAsync(
            [Samples.Definition(id, "m3"), Samples.Definition(id, "m1"), Samples.Definition(id, "m2"), Samples.Definition(id, "kept") with { Name = "Renamed" }],
            before.Version);

        Assert.True(write.Changed);
        Assert.Equal(before.Version + 1, write.Version);
        Assert.Equal(created.Version + 2, write.Version);
        var after = (await Grain(id).GetAsync())!;
        Assert.Equal([$"{id}/kept", $"{id}/m1", $"{id}/m2", $"{id}/m3"], after.Definitions.Select(d => d.Id));
        Assert.Equal("Renamed", after.Definitions[0].Name);

        // The generation the write answered already holds all of them: they were published together.
        fixture.Catalog.RequireGeneration(write.Generation);
        var published = (await fixture.Catalog.Models.ListDefinitionsAsync()).Items.Where(d => d.AuthorIds.Contains(id)).Select(d => d.Id);
        Assert.Equal(after.Definitions.Select(d => d.Id), published);
        Assert.Equal(write.Version, (await fixture.Catalog.GetVersionsAsync()).Authors.Single(v => v.Id == id).Version);
    }

    [Fact]
    public async Task The_same_batch_again_changes_nothing_and_stores_no_new_version()
    {
        var (id, _) = await NewAuthorAsync();
        EquatableArray<ModelDefinition> batch = [Samples.Definition(id, "a"), Samples.Definition(id, "b")];
        var first = await Grain(id).SetModelsAsync(batch, expectedVersion: null);
        var again = await Grain(id).SetModelsAsync(batch, expectedVersion: null);
        Assert.False(again.Changed);
        Assert.Equal(first.Version, again.Version);
    }

    [Fact]
    public async Task A_batch_with_one_bad_definition_leaves_the_author_entirely_old()
    {
        var (id, _) = await NewAuthorAsync();
        await Grain(id).SetModelAsync(Samples.Definition(id, "kept"));
        var before = await Grain(id).GetAsync();

        var foreign = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).SetModelsAsync(
            [Samples.Definition(id, "fine"), Samples.Definition("someone-else", "stray")], expectedVersion: null));
        Assert.Contains("someone-else/stray", foreign.Message, StringComparison.Ordinal);

        var twice = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).SetModelsAsync(
            [Samples.Definition(id, "dup"), Samples.Definition(id, "fine"), Samples.Definition(id, "dup")], expectedVersion: null));
        Assert.Equal(("definitions", $"{id}/dup"), (twice.Field, twice.Value));

        Assert.Equal(before, await Grain(id).GetAsync());
    }

    [Fact]
    public async Task A_batch_expecting_an_older_version_is_a_conflict_and_writes_nothing()
    {
        var (id, created) = await NewAuthorAsync();
        await Grain(id).SetModelAsync(Samples.Definition(id, "moved-on"));
        var before = (await Grain(id).GetAsync())!;

        var conflict = await Assert.ThrowsAsync<StarmapConflictException>(() =>
            Grain(id).SetModelsAsync([Samples.Definition(id, "late")], created.Version));
        Assert.Equal((created.Version, before.Version), (conflict.ExpectedVersion, conflict.CurrentVersion));
        Assert.Equal(before, await Grain(id).GetAsync());
    }

    [Fact]
    public async Task A_batch_for_an_author_that_does_not_exist_is_not_found_and_creates_nothing()
    {
        var id = TestData.UniqueId("ghost");
        var missing = await Assert.ThrowsAsync<StarmapNotFoundException>(() =>
            Grain(id).SetModelsAsync([Samples.Definition(id, "m")], expectedVersion: null));
        Assert.Equal(("author", id), (missing.Kind, missing.Id));
        Assert.Null(await Grain(id).GetAsync());
    }

    [Fact]
    public async Task Reading_or_deleting_a_definition_without_an_id_is_a_validation_error_or_nothing()
    {
        var (id, _) = await NewAuthorAsync();
        Assert.Null(await Grain(id).GetModelAsync(null!));
        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).DeleteModelAsync(null!));
        Assert.Equal("id", error.Field);
    }
}
