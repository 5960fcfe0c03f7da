namespace Starmap.Grains.Tests;

/// <summary>
/// A delete that names the version it read (Remove-StarmapProvider / Remove-StarmapAuthor with a piped
/// object) is checked in the grain's own turn, so a change made after the read is never deleted unseen.
/// </summary>
public sealed class VersionedDeleteTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_provider_delete_expecting_an_older_version_is_a_conflict_and_deletes_nothing()
    {
        var id = TestData.UniqueId("vdel");
        var read = await fixture.Catalog.Providers.SetAsync(Samples.Provider(id));
        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m"));

        var conflict = await Assert.ThrowsAsync<StarmapConflictException>(() => fixture.Catalog.Providers.DeleteAsync(id, read.Version));
        Assert.Equal(read.Version, conflict.ExpectedVersion);
        Assert.NotNull(await fixture.Catalog.Providers.FindAsync(id));
        Assert.NotNull(await fixture.Catalog.Models.FindAsync(id, "m"));

        var current = (await fixture.Catalog.Providers.GetAsync(id)).Version;
        await fixture.Catalog.Providers.DeleteAsync(id, current);
        Assert.Null(await fixture.Catalog.Providers.FindAsync(id));
    }

    [Fact]
    public async Task An_author_delete_expecting_an_older_version_is_a_conflict_and_deletes_nothing()
    {
        var id = TestData.UniqueId("vdel-author");
        var read = await fixture.Catalog.Authors.SetAsync(Samples.Author(id));
        await fixture.Catalog.Authors.SetAsync(Samples.Author(id) with { Name = "Renamed" });

        await Assert.ThrowsAsync<StarmapConflictException>(() => fixture.Catalog.Authors.DeleteAsync(id, read.Version));
        Assert.Equal("Renamed", (await fixture.Catalog.Authors.GetAsync(id)).Author.Name);

        await fixture.Catalog.Authors.DeleteAsync(id, expectedVersion: null);
        Assert.Null(await fixture.Catalog.Authors.FindAsync(id));
    }
}
