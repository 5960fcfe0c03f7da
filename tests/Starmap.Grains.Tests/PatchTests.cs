namespace Starmap.Grains.Tests;

/// <summary>
/// Field patches and creates (issue 9): a patch changes only the fields it names, inside the grain's
/// turn, so a stale copy can never revert someone else's change; with an expected version it fails
/// when the entity moved on, and creating never overwrites.
/// </summary>
public sealed class PatchTests(ClusterFixture fixture)
{
    private IProviderGrain Provider(string id) => fixture.Client.GetGrain<IProviderGrain>(id);

    private IAuthorGrain Author(string id) => fixture.Client.GetGrain<IAuthorGrain>(id);

    private static OfferingPatch Rename(string name) =>
        new() { Fields = ["name"], Values = new Offering { ProviderId = "", ModelId = "", Name = name } };

    private static OfferingPatch OutputPrice(decimal price) => new()
    {
        Fields = ["pricing.tokens.output"],
        Values = new Offering { ProviderId = "", ModelId = "", Pricing = new ModelPricing { Tokens = new TokenPrices { Output = price } } },
    };

    private async Task<(string Id, long Version)> ProviderWithModelAsync(string prefix)
    {
        var id = TestData.UniqueId(prefix);
        await Provider(id).SetAsync(Samples.Provider(id));
        var write = await Provider(id).SetModelAsync(Samples.Offering(id, "m", output: 10m));
        return (id, write.Version);
    }

    [Fact]
    public async Task A_stale_patch_fails_with_the_current_version_and_changes_nothing()
    {
        var (id, read) = await ProviderWithModelAsync("stale");
        var other = await Provider(id).PatchModelAsync("m", OutputPrice(12m), expectedVersion: read);

        var conflict = await Assert.ThrowsAsync<StarmapConflictException>(() => Provider(id).PatchModelAsync("m", Rename("Mine"), expectedVersion: read));

        Assert.Equal(read, conflict.ExpectedVersion);
        Assert.Equal(other.Version, conflict.CurrentVersion);
        Assert.Equal("model", conflict.Kind);
        Assert.Equal($"{id}/m", conflict.Id);
        var stored = (await Provider(id).GetModelAsync("m"))!;
        Assert.Equal("Model m", stored.Name);
        Assert.Equal(12m, stored.Pricing!.Tokens!.Output);
    }

    [Fact]
    public async Task A_forced_patch_writes_only_its_field_and_keeps_a_price_changed_since_the_read()
    {
        var (id, _) = await ProviderWithModelAsync("force");
        await Provider(id).PatchModelAsync("m", OutputPrice(12m), expectedVersion: null);

        var write = await Provider(id).PatchModelAsync("m", Rename("Mine"), expectedVersion: null);

        Assert.True(write.Changed);
        var stored = (await Provider(id).GetModelAsync("m"))!;
        Assert.Equal("Mine", stored.Name);
        Assert.Equal(12m, stored.Pricing!.Tokens!.Output);
        Assert.Equal(1.25m, stored.Pricing.Tokens.Input);
        Assert.Equal(0.125m, stored.Pricing.Tokens.CacheRead);
        Assert.Equal(Samples.Offering(id, "m").Features, stored.Features);
    }

    [Fact]
    public async Task Of_concurrent_patches_expecting_one_version_exactly_one_lands()
    {
        var (id, read) = await ProviderWithModelAsync("race");

        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await Provider(id).PatchModelAsync("m", Rename($"writer {i}"), expectedVersion: read);
                return $"writer {i}";
            }
            catch (StarmapConflictException)
            {
                return null;
            }
        }).ToList();
        var winners = (await Task.WhenAll(attempts)).OfType<string>().ToList();

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await Provider(id).GetModelAsync("m"))!.Name);
        Assert.Equal(read + 1, (await Provider(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task Concurrent_patches_and_a_set_of_another_model_all_land_without_reverting_each_other()
    {
        var (id, _) = await ProviderWithModelAsync("merge");
        var limits = new OfferingPatch
        {
            Fields = ["limits.context_window"],
            Values = new Offering { ProviderId = "", ModelId = "", Limits = new ModelLimits { ContextWindow = 1_000_000 } },
        };
        var status = new OfferingPatch
        {
            Fields = ["lifecycle.status"],
            Values = new Offering { ProviderId = "", ModelId = "", Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated } },
        };

        await Task.WhenAll(
            Provider(id).PatchModelAsync("m", Rename("Renamed"), null),
            Provider(id).PatchModelAsync("m", OutputPrice(30m), null),
            Provider(id).PatchModelAsync("m", limits, null),
            Provider(id).PatchModelAsync("m", status, null),
            Provider(id).SetModelAsync(Samples.Offering(id, "other")));

        var stored = (await Provider(id).GetModelAsync("m"))!;
        Assert.Equal("Renamed", stored.Name);
        Assert.Equal(30m, stored.Pricing!.Tokens!.Output);
        Assert.Equal(1_000_000, stored.Limits!.ContextWindow);
        Assert.Equal(16_384, stored.Limits.OutputTokens);
        Assert.Equal(LifecycleStatus.Deprecated, stored.Lifecycle!.Status);
        Assert.NotNull(await Provider(id).GetModelAsync("other"));
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_keeps_the_version()
    {
        var (id, read) = await ProviderWithModelAsync("same");

        var write = await Provider(id).PatchModelAsync("m", OutputPrice(10m), expectedVersion: read);

        Assert.False(write.Changed);
        Assert.Equal(read, write.Version);
    }

    [Fact]
    public async Task Patching_a_missing_model_or_provider_is_not_found_and_creates_nothing()
    {
        var (id, _) = await ProviderWithModelAsync("missing");

        var model = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Provider(id).PatchModelAsync("m-typo", Rename("x"), null));
        Assert.Equal("model", model.Kind);
        Assert.Null(await Provider(id).GetModelAsync("m-typo"));

        var absent = TestData.UniqueId("absent");
        var provider = await Assert.ThrowsAsync<StarmapNotFoundException>(() =>
            Provider(absent).PatchAsync(new ProviderPatch { Fields = ["name"], Values = Samples.Provider(absent) }, null));
        Assert.Equal("provider", provider.Kind);
        Assert.Null(await Provider(absent).GetAsync());
    }

    [Fact]
    public async Task Creating_refuses_what_exists_and_a_model_needs_its_provider()
    {
        var (id, _) = await ProviderWithModelAsync("create");

        var provider = await Assert.ThrowsAsync<StarmapAlreadyExistsException>(() => Provider(id).CreateAsync(Samples.Provider(id, name: "Other")));
        Assert.Equal("provider", provider.Kind);
        var model = await Assert.ThrowsAsync<StarmapAlreadyExistsException>(() => Provider(id).CreateModelAsync(Samples.Offering(id, "m", output: 99m)));
        Assert.Equal($"{id}/m", model.Id);
        Assert.Equal(10m, (await Provider(id).GetModelAsync("m"))!.Pricing!.Tokens!.Output);
        Assert.Equal($"Provider {id}", (await Provider(id).GetAsync())!.Provider.Name);

        var created = await Provider(id).CreateModelAsync(Samples.Offering(id, "new"));
        Assert.True(created.Changed);
        Assert.NotNull((await Provider(id).GetModelAsync("new"))!.CreatedAt);

        var orphan = TestData.UniqueId("orphan");
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => Provider(orphan).CreateModelAsync(Samples.Offering(orphan, "m")));
        Assert.Null(await Provider(orphan).GetAsync());
    }

    [Fact]
    public async Task A_patch_naming_an_unknown_field_is_refused_naming_the_field()
    {
        var (id, read) = await ProviderWithModelAsync("unknown");
        var patch = new OfferingPatch { Fields = ["name", "pricing.tiers"], Values = Samples.Offering(id, "m") };

        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => Provider(id).PatchModelAsync("m", patch, read));

        Assert.Equal("fields", error.Field);
        Assert.Equal("pricing.tiers", error.Value);
        Assert.Equal(read, (await Provider(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task A_provider_patch_keeps_offerings_and_other_fields_and_checks_the_version()
    {
        var (id, read) = await ProviderWithModelAsync("prov");
        var describe = new ProviderPatch { Fields = ["description"], Values = Samples.Provider(id) with { Description = "described", Name = "ignored" } };

        var write = await Provider(id).PatchAsync(describe, read);
        await Assert.ThrowsAsync<StarmapConflictException>(() => Provider(id).PatchAsync(describe, read));

        var details = (await Provider(id).GetAsync())!;
        Assert.Equal(write.Version, details.Version);
        Assert.Equal("described", details.Provider.Description);
        Assert.Equal($"Provider {id}", details.Provider.Name);
        Assert.Equal(Samples.Provider(id).Catalog, details.Provider.Catalog);
        Assert.Single(details.Offerings);
    }

    [Fact]
    public async Task A_list_type_without_a_list_url_is_refused()
    {
        var id = TestData.UniqueId("nolist");
        await Provider(id).SetAsync(new Provider { Id = id, Name = "No list" });
        var patch = new ProviderPatch
        {
            Fields = ["catalog.endpoint.type"],
            Values = new Provider { Id = id, Name = "", Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Url = "", Type = CatalogEndpointType.Anthropic } } },
        };

        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => Provider(id).PatchAsync(patch, null));

        Assert.Equal("catalog.endpoint.type", error.Field);
    }

    [Fact]
    public async Task An_author_patch_conflicts_when_stale_and_a_forced_one_keeps_the_other_change()
    {
        var id = TestData.UniqueId("author");
        await Author(id).SetAsync(Samples.Author(id));
        var read = (await Author(id).SetModelAsync(Samples.Definition(id, "d"))).Version;
        var website = new AuthorPatch { Fields = ["links.website"], Values = Samples.Author(id) with { Links = new AuthorLinks { Website = "https://new.example" } } };
        var rename = new AuthorPatch { Fields = ["name"], Values = Samples.Author(id) with { Name = "Mine" } };

        await Author(id).PatchAsync(website, read);
        await Assert.ThrowsAsync<StarmapConflictException>(() => Author(id).PatchAsync(rename, read));
        await Author(id).PatchAsync(rename, null);

        var details = (await Author(id).GetAsync())!;
        Assert.Equal("Mine", details.Author.Name);
        Assert.Equal("https://new.example", details.Author.Links!.Website);
        Assert.Single(details.Definitions);
        await Assert.ThrowsAsync<StarmapAlreadyExistsException>(() => Author(id).CreateAsync(Samples.Author(id)));
    }

    [Fact]
    public async Task A_model_read_from_the_catalog_carries_the_provider_version_it_was_read_at()
    {
        var (id, _) = await ProviderWithModelAsync("version");
        var write = await fixture.Catalog.Providers.PatchModelAsync(id, "m", OutputPrice(11m));

        var model = (await fixture.Catalog.Models.FindAsync(id, "m"))!;

        Assert.Equal(write.Version, model.ProviderVersion);
        Assert.Equal((await Provider(id).GetAsync())!.Version, model.ProviderVersion);
        Assert.Equal(11m, model.OutputPrice);
    }
}
