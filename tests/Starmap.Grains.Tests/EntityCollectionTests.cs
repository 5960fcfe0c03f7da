namespace Starmap.Grains.Tests;

/// <summary>The facade's provider and author collections answer the same operations the same way.</summary>
public sealed class EntityCollectionTests(ClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    [Fact]
    public async Task A_missing_record_or_model_is_an_argument_error_for_providers_and_authors_alike()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Providers.SetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Authors.SetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Providers.CreateAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Authors.CreateAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Providers.SetModelAsync(TestData.UniqueId("p"), null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Authors.SetModelAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Catalog.Authors.DeleteModelAsync(null!));
    }

    [Fact]
    public async Task A_blank_key_is_a_validation_error_naming_the_kind_for_both()
    {
        var provider = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.PatchAsync(" ", new ProviderPatch { Values = Samples.Provider("p") }));
        var author = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Authors.PatchAsync(" ", new AuthorPatch { Values = Samples.Author("a") }));
        Assert.Equal(("provider key", "author key"), (provider.Field, author.Field));
        Assert.Equal("provider key", (await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.DeleteAsync(""))).Field);
        Assert.Equal("author key", (await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Authors.DeleteAsync(""))).Field);
    }

    [Fact]
    public async Task An_author_batch_through_the_facade_is_one_version_read_back_like_a_provider_offering()
    {
        var id = TestData.UniqueId("facade-batch");
        var created = await Catalog.Authors.CreateAsync(Samples.Author(id));

        var write = await Catalog.Authors.SetModelsAsync(id, [Samples.Definition(id, "a"), Samples.Definition(id, "b")], created.Version);

        Assert.Equal(created.Version + 1, write.Version);
        Assert.True(Catalog.SeenGeneration >= write.Generation);
        Assert.Equal("Definition b", (await Catalog.Authors.GetModelAsync($"{id}/b")).Name);
        var missing = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Authors.GetModelAsync($"{id}/ghost"));
        Assert.Equal(("definition", $"{id}/ghost"), (missing.Kind, missing.Id));
        Assert.Equal(2, (await Catalog.Authors.GetAsync(id)).Definitions.Count);
    }

    [Fact]
    public async Task An_id_or_alias_that_is_another_providers_or_authors_id_or_alias_is_refused_for_both_and_nothing_is_written()
    {
        var first = TestData.UniqueId("names");
        await Catalog.Providers.CreateAsync(Samples.Provider(first));           // aliases: {first}-alias
        await Catalog.Authors.CreateAsync(Samples.Author(first));
        var second = TestData.UniqueId("names");

        // A new one named as the first's alias, one with the first's ID as an alias, and a patch that takes its alias.
        var asId = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.CreateAsync(Samples.Provider(first + "-alias") with { Aliases = [] }));
        var asAlias = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.SetAsync(Samples.Provider(second) with { Aliases = [first] }));
        await Catalog.Providers.CreateAsync(Samples.Provider(second));
        var patched = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Providers.PatchAsync(second,
            new ProviderPatch { Fields = ["aliases"], Values = Samples.Provider(second) with { Aliases = [first + "-alias"] } }));
        var author = await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.Authors.SetAsync(Samples.Author(second) with { Aliases = [first] }));

        Assert.Equal($"aliases '{first}-alias': is an alias of provider '{first}'; a name answers for one provider only, or the other's data would come here", asId.Message);
        Assert.Contains($"is the ID of provider '{first}'", asAlias.Message, StringComparison.Ordinal);
        Assert.Contains($"is an alias of provider '{first}'", patched.Message, StringComparison.Ordinal);
        Assert.Contains($"is the ID of author '{first}'", author.Message, StringComparison.Ordinal);
        Assert.Null(await Catalog.Providers.FindAsync(first + "-alias"));
        Assert.Equal([second + "-alias"], (await Catalog.Providers.GetAsync(second)).Provider.Aliases);
        Assert.Null(await Catalog.Authors.FindAsync(second));
        // Its own aliases are its own: a provider written again with them is fine.
        await Catalog.Providers.SetAsync(Samples.Provider(first) with { Name = "Renamed" });
    }
}
