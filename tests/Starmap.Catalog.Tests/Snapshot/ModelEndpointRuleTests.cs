using Starmap.Catalog.Snapshot;
using Starmap.Formats.Interop;

namespace Starmap.Catalog.Tests.Snapshot;

/// <summary>Which offerings serve a model (the endpoints view) and how the view writes them.</summary>
public sealed class ModelEndpointRuleTests
{
    private static Offering Offering(string provider, string model, string? definition = null, decimal? input = null) => new()
    {
        ProviderId = provider,
        ModelId = model,
        DefinitionId = definition,
        Pricing = input is null ? null : new ModelPricing { Tokens = new TokenPrices { Input = input } },
    };

    private static ProviderDetails Provider(string id, params Offering[] offerings) =>
        new() { Provider = new Provider { Id = id, Name = id.ToUpperInvariant() }, Offerings = [.. offerings.OrderBy(o => o.ModelId, StringComparer.Ordinal)] };

    private static readonly CatalogSnapshot Catalog = CatalogSnapshot.Build(
        3,
        [
            Provider("alpha", Offering("alpha", "lab-1", "lab/lab-1", 2m), Offering("alpha", "vendor/free-1"), Offering("alpha", "ghost-1", "lab/ghost")),
            Provider("beta", Offering("beta", "lab-1-v2", "lab/lab-1", 1m), Offering("beta", "vendor/free-1", input: 0.5m), Offering("beta", "lab-1")),
        ],
        [
            new AuthorDetails
            {
                Author = new Author { Id = "lab", Name = "Lab" },
                Definitions =
                [
                    new ModelDefinition { Id = "lab/lab-1", Name = "Lab One", AuthorIds = ["lab"], Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 1, 2) } },
                    new ModelDefinition { Id = "lab/unserved", Name = "Unserved", AuthorIds = ["lab"], Features = new ModelFeatures { InputModalities = [Modality.Text, Modality.Pdf], OutputModalities = [Modality.Text] } },
                ],
            },
        ]);

    [Fact]
    public void A_definition_is_served_by_the_offerings_linked_to_it_only()
    {
        var found = Catalog.FindModelEndpoints("lab/lab-1")!;
        Assert.Equal("Lab One", found.Definition?.Name);
        Assert.Equal(3, found.Generation);
        // beta's "lab-1" has the same model ID but no link: not an endpoint of the definition.
        Assert.Equal([("alpha", "lab-1"), ("beta", "lab-1-v2")], found.Offerings.Select(m => (m.ProviderId, m.ModelId)));
    }

    [Fact]
    public void A_link_to_a_missing_definition_still_names_its_offerings()
    {
        var found = Catalog.FindModelEndpoints("lab/ghost")!;
        Assert.Null(found.Definition);
        Assert.Equal(["ghost-1"], found.Offerings.Select(m => m.ModelId));
    }

    [Fact]
    public void An_unlinked_model_is_found_by_model_id_and_by_list_slug_with_every_provider_serving_that_id()
    {
        var byId = Catalog.FindModelEndpoints("vendor/free-1")!;
        Assert.Equal(["alpha", "beta"], byId.Offerings.Select(m => m.ProviderId));
        var slug = OpenRouterModelList.Slug(Catalog.FindModel("beta", "vendor/free-1")!);
        Assert.Equal("beta/vendor/free-1", slug);
        Assert.Equal(byId.Offerings, Catalog.FindModelEndpoints(slug)!.Offerings);
        Assert.Null(Catalog.FindModelEndpoints("nobody/nothing"));
    }

    [Fact]
    public void The_view_writes_per_token_prices_leaves_unknowns_out_and_maps_the_status()
    {
        var view = OpenRouterEndpoints.From(Catalog.FindModelEndpoints("vendor/free-1")!, Catalog.Providers);
        Assert.Equal("vendor/free-1", view.Data.Id);
        // The name and price shown are the cheapest known offering's, as in the list.
        Assert.Equal("BETA | vendor/free-1", view.Data.Endpoints[1].Name);
        Assert.Null(view.Data.Endpoints[0].Pricing.Prompt);
        Assert.Equal("0.0000005", view.Data.Endpoints[1].Pricing.Prompt);
        Assert.Null(view.Data.Endpoints[0].ContextLength);
        Assert.DoesNotContain("\"availability\"", view.ToJson(), StringComparison.Ordinal);

        Assert.Equal(0, OpenRouterEndpoints.Status(Offering("p", "m")));
        Assert.Equal(-1, OpenRouterEndpoints.Status(Offering("p", "m") with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated } }));
        Assert.Equal(-2, OpenRouterEndpoints.Status(Offering("p", "m") with { Availability = Availability.Restricted }));
        Assert.Equal(-10, OpenRouterEndpoints.Status(Offering("p", "m") with { Availability = Availability.Unavailable }));
        Assert.Equal(-10, OpenRouterEndpoints.Status(Offering("p", "m") with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Retired } }));
    }

    [Fact]
    public void A_definition_nobody_serves_shows_its_own_name_date_and_modalities_with_no_endpoints()
    {
        var view = OpenRouterEndpoints.From(Catalog.FindModelEndpoints("lab/unserved")!).Data;
        Assert.Equal("Unserved", view.Name);
        Assert.Empty(view.Endpoints);
        Assert.Equal(["text", "file"], view.Architecture.InputModalities);
        Assert.Equal("text+file->text", view.Architecture.Modality);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
            OpenRouterEndpoints.From(Catalog.FindModelEndpoints("lab/lab-1")!).Data.Created);
    }
}
