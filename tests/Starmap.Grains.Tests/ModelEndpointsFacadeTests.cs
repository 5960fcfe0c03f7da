namespace Starmap.Grains.Tests;

/// <summary>"Who serves this model, at what price" through the client API: <c>catalog.Models.GetEndpointsAsync</c>.</summary>
public sealed class ModelEndpointsFacadeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_definition_answers_with_every_offering_linked_to_it_with_price_limits_and_status()
    {
        var catalog = fixture.Catalog;
        var author = TestData.UniqueId("ep-author");
        var first = TestData.UniqueId("ep-a");
        var second = TestData.UniqueId("ep-b");
        var definition = $"{author}/served-1";
        await catalog.SetAuthorAsync(Samples.Author(author));
        await catalog.Authors.SetModelAsync(Samples.Definition(author, "served-1"));
        await catalog.SetProviderAsync(Samples.Provider(first));
        await catalog.SetProviderAsync(Samples.Provider(second));
        await catalog.Providers.SetModelAsync(first, Samples.Offering(first, "served-1", input: 2m, output: 8m) with { DefinitionId = definition });
        var write = await catalog.Providers.SetModelAsync(second, Samples.Offering(second, "vendor/served-1", input: 1.5m, output: null, context: null) with
        {
            DefinitionId = definition,
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated },
        });
        // Served elsewhere under the same model ID but not linked: not an endpoint of the definition.
        await catalog.Providers.SetModelAsync(second, Samples.Offering(second, "served-1"));

        var endpoints = await catalog.Models.GetEndpointsAsync(definition);

        Assert.True(endpoints.Generation >= write.Generation);
        Assert.Equal(definition, endpoints.Id);
        Assert.Equal(definition, endpoints.Definition?.Id);
        Assert.Equal([(first, "served-1"), (second, "vendor/served-1")], endpoints.Offerings.Select(m => (m.ProviderId, m.ModelId)));
        var (a, b) = (endpoints.Offerings[0], endpoints.Offerings[1]);
        Assert.Equal((2m, 8m, 128_000L), (a.InputPrice, a.OutputPrice, a.ContextWindow));
        Assert.Equal((1.5m, (decimal?)null, (long?)null), (b.InputPrice, b.OutputPrice, b.ContextWindow));
        Assert.Equal(LifecycleStatus.Deprecated, b.Status);
        Assert.All(endpoints.Offerings, m => Assert.Equal(definition, m.Definition?.Id));
    }

    [Fact]
    public async Task A_model_without_a_definition_answers_by_model_id_and_by_its_list_slug()
    {
        var catalog = fixture.Catalog;
        var first = TestData.UniqueId("ep-c");
        var second = TestData.UniqueId("ep-d");
        var modelId = TestData.UniqueId("lab") + "/open-model";
        await catalog.SetProviderAsync(Samples.Provider(first));
        await catalog.SetProviderAsync(Samples.Provider(second));
        await catalog.Providers.SetModelAsync(first, Samples.Offering(first, modelId, input: 0.2m));
        await catalog.Providers.SetModelAsync(second, Samples.Offering(second, modelId, input: 0.3m));

        var byId = await catalog.Models.GetEndpointsAsync(modelId);
        Assert.Null(byId.Definition);
        Assert.Equal([first, second], byId.Offerings.Select(m => m.ProviderId).Order(StringComparer.Ordinal));

        // With no credited author the list slug is provider/model-id; it names the same model.
        var bySlug = await catalog.Models.GetEndpointsAsync($"{first}/{modelId}");
        Assert.Equal(byId.Offerings, bySlug.Offerings);
    }

    [Fact]
    public async Task A_definition_nobody_serves_has_no_endpoints_and_an_unknown_model_is_not_found()
    {
        var catalog = fixture.Catalog;
        var author = TestData.UniqueId("ep-lonely");
        await catalog.SetAuthorAsync(Samples.Author(author));
        await catalog.Authors.SetModelAsync(Samples.Definition(author, "unserved"));

        var unserved = await catalog.Models.GetEndpointsAsync($"{author}/unserved");
        Assert.Equal("Definition unserved", unserved.Definition?.Name);
        Assert.True(unserved.Offerings.IsEmpty);

        var missing = await Assert.ThrowsAsync<StarmapNotFoundException>(() => catalog.Models.GetEndpointsAsync($"{author}/nothing"));
        Assert.Contains($"{author}/nothing", missing.Message, StringComparison.Ordinal);
        Assert.Null(await catalog.Models.FindEndpointsAsync($"{author}/nothing"));
    }
}
