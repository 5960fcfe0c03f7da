namespace Starmap.Grains.Tests;

/// <summary>Starmap's Go API, in C#: Providers().List(), SetModel, DeleteModel, value-returning Gets.</summary>
public sealed class CatalogFacadeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_seed_api_works_end_to_end_through_the_facade()
    {
        var catalog = fixture.Catalog;
        var providerId = TestData.UniqueId("facade");
        var authorId = TestData.UniqueId("facade-author");

        await catalog.SetAuthorAsync(Samples.Author(authorId));
        await catalog.Authors.SetModelAsync(Samples.Definition(authorId, "thinker-1"));
        await catalog.SetProviderAsync(Samples.Provider(providerId));
        var write = await catalog.Providers.SetModelAsync(providerId,
            Samples.Offering("ignored", "thinker-1") with { DefinitionId = $"{authorId}/thinker-1", Features = null });

        Assert.Contains((await catalog.Providers.ListAsync()).Items, p => p.Id == providerId);
        Assert.Contains((await catalog.Authors.ListAsync()).Items, a => a.Id == authorId);

        var models = await catalog.Models.ListAsync();
        Assert.True(models.Generation >= write.Generation);
        var model = Assert.Single(models.Items, m => m.ProviderId == providerId);
        Assert.Equal($"{authorId}/thinker-1", model.Definition!.Id);
        Assert.Contains(authorId, model.AuthorIds);
        Assert.True(model.Supports(Feature.Reasoning));
        Assert.False(model.Supports(Feature.Temperature));
        Assert.Null(model.Supports(Feature.WebSearch));

        var byAuthor = await catalog.Authors.ListModelsAsync(authorId);
        Assert.Equal(providerId, Assert.Single(byAuthor.Items).ProviderId);

        var endpoints = await catalog.Endpoints.ListAsync();
        Assert.Contains(endpoints.Items, e => e.ProviderId == providerId && e.Operation == "chat-completions");

        var got = await catalog.Models.GetAsync(providerId, "thinker-1");
        Assert.Equal(model, got);
        Assert.Equal("thinker-1", (await catalog.Providers.GetModelAsync(providerId, "thinker-1")).ModelId);

        await catalog.Providers.DeleteModelAsync(providerId, "thinker-1");
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => catalog.Providers.GetModelAsync(providerId, "thinker-1"));
        Assert.Empty((await catalog.Authors.ListModelsAsync(authorId)).Items);
    }

    [Fact]
    public async Task Queries_filter_across_providers_and_carry_the_generation()
    {
        var a = TestData.UniqueId("q-a");
        var b = TestData.UniqueId("q-b");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(a));
        await fixture.Catalog.SetProviderAsync(Samples.Provider(b));
        await fixture.Catalog.Providers.SetModelAsync(a, Samples.Offering(a, "cheap", input: 0.1m, context: 32_000));
        await fixture.Catalog.Providers.SetModelAsync(a, Samples.Offering(a, "unpriced", input: null, output: null, context: 1_000_000));
        var last = await fixture.Catalog.Providers.SetModelAsync(b, Samples.Offering(b, "big", input: 3m, context: 1_000_000));

        var cheap = await fixture.Catalog.Models.QueryAsync(new ModelQuery { Providers = [a, b], MaxInputPrice = 1m });
        Assert.Equal(["cheap"], cheap.Items.Select(m => m.ModelId));
        Assert.True(cheap.Generation >= last.Generation);

        var large = await fixture.Catalog.Models.QueryAsync(new ModelQuery
        {
            Providers = [a, b],
            MinContext = 500_000,
            Sort = ModelSort.InputPrice,
            Order = SortOrder.Descending,
        });
        // Unknown price sorts last in either order.
        Assert.Equal(["big", "unpriced"], large.Items.Select(m => m.ModelId));

        var error = await Assert.ThrowsAsync<StarmapValidationException>(() =>
            fixture.Catalog.Models.QueryAsync(new ModelQuery { Limit = 0 }));
        Assert.Equal("limit", error.Field);
    }
}
