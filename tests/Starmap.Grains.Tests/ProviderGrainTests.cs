namespace Starmap.Grains.Tests;

public sealed class ProviderGrainTests(ClusterFixture fixture)
{
    private IProviderGrain Grain(string id) => fixture.Client.GetGrain<IProviderGrain>(id);

    [Fact]
    public async Task A_provider_that_was_never_set_reads_as_null_and_lists_no_models()
    {
        var id = TestData.UniqueId("absent");
        Assert.Null(await Grain(id).GetAsync());
        Assert.Empty(await Grain(id).ListModelsAsync());
        Assert.Null(await Grain(id).GetModelAsync("anything"));
    }

    [Fact]
    public async Task Set_get_and_delete_of_offerings_with_slashes_and_at_signs_in_their_ids()
    {
        var id = TestData.UniqueId("crud");
        var provider = Samples.Provider(id);
        await Grain(id).SetAsync(provider);
        string[] ids = ["meta-llama/llama-4-scout-17b-16e-instruct", "claude-3-5-sonnet@20241022", "gpt-4o"];
        foreach (var modelId in ids)
        {
            await Grain(id).SetModelAsync(Samples.Offering(id, modelId));
        }

        var details = (await Grain(id).GetAsync())!;
        Assert.Equal(provider, details.Provider);
        Assert.Equal(ids.Order(StringComparer.Ordinal), details.Offerings.Select(o => o.ModelId));
        Assert.Equal("claude-3-5-sonnet@20241022", (await Grain(id).GetModelAsync("claude-3-5-sonnet@20241022"))!.ModelId);

        fixture.Catalog.RequireGeneration((await Grain(id).DeleteModelAsync("meta-llama/llama-4-scout-17b-16e-instruct")).Generation);
        Assert.Null(await Grain(id).GetModelAsync("meta-llama/llama-4-scout-17b-16e-instruct"));
        Assert.Equal(2, (await Grain(id).ListModelsAsync()).Count);
        Assert.Null(await fixture.Catalog.Models.FindAsync(id, "meta-llama/llama-4-scout-17b-16e-instruct"));
    }

    [Fact]
    public async Task Setting_a_provider_keeps_its_offerings_and_an_identical_write_changes_nothing()
    {
        var id = TestData.UniqueId("keep");
        await Grain(id).SetAsync(Samples.Provider(id));
        await Grain(id).SetModelAsync(Samples.Offering(id, "m1"));
        var renamed = await Grain(id).SetAsync(Samples.Provider(id, name: "Renamed"));
        Assert.True(renamed.Changed);

        var again = await Grain(id).SetAsync(Samples.Provider(id, name: "Renamed"));
        Assert.False(again.Changed);
        Assert.Equal(renamed.Version, again.Version);
        Assert.True(again.Generation >= renamed.Generation);

        var details = (await Grain(id).GetAsync())!;
        Assert.Equal("Renamed", details.Provider.Name);
        Assert.Single(details.Offerings);
    }

    [Fact]
    public async Task Timestamps_record_first_sight_and_move_only_when_content_changes()
    {
        var id = TestData.UniqueId("stamps");
        await Grain(id).SetAsync(Samples.Provider(id));
        await Grain(id).SetModelAsync(Samples.Offering(id, "m1"));
        var first = (await Grain(id).GetModelAsync("m1"))!;
        Assert.NotNull(first.CreatedAt);

        await Grain(id).SetModelAsync(Samples.Offering(id, "m1"));
        Assert.Equal(first, await Grain(id).GetModelAsync("m1"));

        await Grain(id).SetModelAsync(Samples.Offering(id, "m1", input: 2m));
        var changed = (await Grain(id).GetModelAsync("m1"))!;
        Assert.Equal(first.CreatedAt, changed.CreatedAt);
        Assert.True(changed.UpdatedAt >= first.UpdatedAt);
        Assert.Equal(2m, changed.InputPriceOrNull());
    }

    [Fact]
    public async Task Missing_things_are_typed_not_found_errors()
    {
        var id = TestData.UniqueId("nf");
        var noProvider = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Grain(id).SetModelAsync(Samples.Offering(id, "m")));
        Assert.Equal("provider", noProvider.Kind);
        Assert.Equal(id, noProvider.Id);
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => Grain(id).DeleteAsync());

        await Grain(id).SetAsync(Samples.Provider(id));
        var noModel = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Grain(id).DeleteModelAsync("ghost"));
        Assert.Equal("model", noModel.Kind);
        Assert.Contains("ghost", noModel.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<StarmapNotFoundException>(() => fixture.Catalog.Providers.GetAsync(TestData.UniqueId("nobody")));
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => fixture.Catalog.Models.GetAsync(id, "ghost"));
    }

    [Fact]
    public async Task Invalid_input_is_rejected_with_the_field_and_value_and_nothing_is_stored()
    {
        var id = TestData.UniqueId("invalid");
        await Grain(id).SetAsync(Samples.Provider(id));
        var before = await Grain(id).GetAsync();

        var wrongKey = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).SetAsync(Samples.Provider("someone-else")));
        Assert.Equal("provider.id", wrongKey.Field);
        Assert.Equal("someone-else", wrongKey.Value);

        var badPrice = Samples.Offering(id, "m") with { Pricing = new ModelPricing { Tokens = new TokenPrices { Input = -1m } } };
        var priceError = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).SetModelAsync(badPrice));
        Assert.Contains("pricing", priceError.Field, StringComparison.Ordinal);

        var badId = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain(id).SetModelAsync(Samples.Offering(id, "../etc/passwd")));
        Assert.Contains("../etc/passwd", badId.Message, StringComparison.Ordinal);

        var duplicate = Samples.Offering(id, "twice");
        await Assert.ThrowsAsync<StarmapValidationException>(() =>
            Grain(id).ReplaceAsync(Samples.Provider(id), [duplicate, duplicate], expectedVersion: null));

        Assert.Equal(before, await Grain(id).GetAsync());
    }

    [Fact]
    public async Task An_invalid_provider_key_is_rejected_when_the_grain_activates()
    {
        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => Grain("Not Kebab").GetAsync());
        Assert.Equal("provider key", error.Field);
    }

    [Fact]
    public async Task Replace_with_an_expected_version_fails_on_conflict_and_applies_whole_otherwise()
    {
        var id = TestData.UniqueId("replace");
        var created = await Grain(id).ReplaceAsync(Samples.Provider(id), [Samples.Offering(id, "a"), Samples.Offering(id, "b")], expectedVersion: 0);
        Assert.Equal(1, created.Version);

        await Assert.ThrowsAsync<StarmapConflictException>(() =>
            Grain(id).ReplaceAsync(Samples.Provider(id), [Samples.Offering(id, "c")], expectedVersion: 0));
        Assert.Equal(["a", "b"], (await Grain(id).ListModelsAsync()).Select(o => o.ModelId));

        var replaced = await Grain(id).ReplaceAsync(Samples.Provider(id), [Samples.Offering(id, "c")], expectedVersion: 1);
        Assert.Equal(2, replaced.Version);
        Assert.Equal(["c"], (await Grain(id).ListModelsAsync()).Select(o => o.ModelId));
    }

    [Fact]
    public async Task A_deleted_provider_disappears_from_the_catalog_and_can_be_created_again()
    {
        var id = TestData.UniqueId("del");
        await Grain(id).SetAsync(Samples.Provider(id));
        await Grain(id).SetModelAsync(Samples.Offering(id, "m"));
        var deleted = await Grain(id).DeleteAsync();
        fixture.Catalog.RequireGeneration(deleted.Generation);

        Assert.Null(await Grain(id).GetAsync());
        var providers = await fixture.Catalog.Providers.ListAsync();
        Assert.True(providers.Generation >= deleted.Generation);
        Assert.DoesNotContain(providers.Items, p => p.Id == id);
        Assert.Null(await fixture.Catalog.Models.FindAsync(id, "m"));

        var recreated = await Grain(id).SetAsync(Samples.Provider(id));
        fixture.Catalog.RequireGeneration(recreated.Generation);
        Assert.True(recreated.Version > deleted.Version);
        Assert.Contains((await fixture.Catalog.Providers.ListAsync()).Items, p => p.Id == id);
    }
}

internal static class OfferingExtensions
{
    public static decimal? InputPriceOrNull(this Offering offering) => offering.Pricing?.Tokens?.Input;
}
