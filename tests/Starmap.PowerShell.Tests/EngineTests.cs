using System.Collections;
using Starmap.PowerShell;

namespace Starmap.PowerShell.Tests;

public sealed class EngineTests
{
    [Theory]
    [InlineData("tool_calls")]
    [InlineData("ToolCalls")]
    [InlineData("TOOL-CALLS")]
    public void Feature_names_parse_in_the_json_and_the_csharp_spelling(string text) =>
        Assert.Equal(Feature.ToolCalls, Names.Parse<Feature>(text, "feature"));

    [Fact]
    public void An_unknown_name_is_InvalidFilter_listing_the_known_ones()
    {
        var error = Assert.Throws<StarmapCommandException>(() => Names.Parse<Modality>("smell", "input modality"));

        Assert.Equal("InvalidFilter", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains("input modality 'smell'", error.Message, StringComparison.Ordinal);
        Assert.Contains("image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shown_names_are_the_contract_json_names()
    {
        Assert.Contains("tool_calls", Names.Features);
        Assert.Contains("structured_outputs", Names.Features);
        Assert.Equal(["unknown", "active", "beta", "preview", "deprecated", "retired"], Names.Statuses);
    }

    [Fact]
    public void Contract_errors_become_stable_error_ids()
    {
        var notFound = Failures.Translate(new StarmapNotFoundException("model", "openai/x"), "InvalidModel", null)!;
        var invalid = Failures.Translate(new StarmapValidationException("pricing.tokens.input", "-1", "must not be negative"), "InvalidModel", "p/m")!;

        Assert.Equal(("ModelNotFound", FailureKind.NotFound), (notFound.ErrorId, notFound.Kind));
        Assert.Equal(("InvalidModel", FailureKind.InvalidArgument, "p/m"), (invalid.ErrorId, invalid.Kind, invalid.Target));
        Assert.Contains("pricing.tokens.input", invalid.Message, StringComparison.Ordinal);
        Assert.Null(Failures.Translate(new InvalidCastException("unrelated"), "X", null));
    }

    [Fact]
    public void Not_connected_cmdlets_fail_with_NotConnected()
    {
        var error = Assert.Throws<StarmapCommandException>(() => CatalogReader.QueryModelsAsync(new ModelFilter(), CancellationToken.None).GetAwaiter().GetResult());

        Assert.Equal("NotConnected", error.ErrorId);
        Assert.Contains("Connect-Starmap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_type_applies_after_the_list_url_whatever_the_hashtable_order()
    {
        var changes = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["ListType"] = "anthropic", ["ListUrl"] = "http://127.0.0.1:1/v1/models" };

        var provider = CatalogWriter.Apply(new Provider { Id = "p", Name = "P" }, changes);

        Assert.Equal(CatalogEndpointType.Anthropic, provider.Catalog!.Endpoint!.Type);
        Assert.Equal("http://127.0.0.1:1/v1/models", provider.Catalog.Endpoint.Url);
    }

    [Fact]
    public void Only_properties_edited_on_a_piped_object_are_patched_and_hidden_fields_are_kept()
    {
        var stored = new Offering
        {
            ProviderId = "p",
            ModelId = "m",
            DefinitionId = "a/m",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m, CacheRead = 0.1m }, Tiers = [new PricingTier { ContextThreshold = 200_000 }] },
            Regions = ["eu"],
        };
        // Name and Authors come from the definition here: untouched, they must not be written into the offering.
        var read = new CatalogModel { Offering = stored, Definition = new ModelDefinition { Id = "a/m", Name = "Definition name" }, AuthorIds = ["a"], ProviderVersion = 7 };
        var edited = StarmapModel.From(read);
        edited.OutputPrice = 4m;

        var patch = CatalogWriter.PatchFor(stored, edited, new Hashtable());
        var written = patch.ApplyTo(stored);

        Assert.Equal(["pricing.tokens.output"], patch.Fields);
        Assert.Equal(7, edited.Version);
        Assert.Equal(4m, written.Pricing!.Tokens!.Output);
        Assert.Equal(1m, written.Pricing.Tokens.Input);
        Assert.Equal(0.1m, written.Pricing.Tokens.CacheRead);
        Assert.Single(written.Pricing.Tiers);
        Assert.Equal(["eu"], written.Regions!.Value);
        Assert.Null(written.Name);
        Assert.Empty(written.AuthorIds);
    }

    [Fact]
    public void Parameters_win_over_edits_and_an_in_place_array_edit_counts()
    {
        var stored = new Offering { ProviderId = "p", ModelId = "m", AuthorIds = ["a"], Name = "M" };
        var edited = StarmapModel.From(new CatalogModel { Offering = stored, AuthorIds = ["a"] });
        edited.Authors[0] = "b";
        edited.Name = "edited";

        var patch = CatalogWriter.PatchFor(stored, edited, new Hashtable { ["Name"] = "given" });
        var written = patch.ApplyTo(stored);

        Assert.Equal(["author_ids", "name"], patch.Fields);
        Assert.Equal("given", written.Name);
        Assert.Equal(["b"], written.AuthorIds);
    }

    [Fact]
    public void A_provider_patch_names_one_field_per_property_and_a_singular_parameter_wins_over_the_edited_plural()
    {
        var stored = new Provider
        {
            Id = "p",
            Name = "P",
            Aliases = ["old"],
            Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Url = "http://127.0.0.1:1/v1/models", Type = CatalogEndpointType.Anthropic } },
        };
        var edited = StarmapProvider.From(stored, models: 0, version: 3);
        edited.Aliases = ["edited"];
        edited.ListUrl = "http://127.0.0.1:2/v1/models";

        var patch = CatalogWriter.PatchFor(stored, edited, new Hashtable { ["Alias"] = new[] { "given" } });
        var written = patch.ApplyTo(stored);

        Assert.Equal(["aliases", "catalog.endpoint.url"], patch.Fields);
        Assert.Equal(["given"], written.Aliases);
        Assert.Equal("http://127.0.0.1:2/v1/models", written.Catalog!.Endpoint!.Url);
        Assert.Equal(CatalogEndpointType.Anthropic, written.Catalog.Endpoint.Type);
        Assert.Equal("P", written.Name);
    }

    [Fact]
    public void An_author_object_that_was_not_edited_patches_nothing()
    {
        var stored = new Author { Id = "a", Name = "A", Links = new AuthorLinks { Website = "https://a.example" } };
        var read = StarmapAuthor.From(stored, definitions: 1, models: 2, version: 5);

        var patch = CatalogWriter.PatchFor(stored, read, new Hashtable());

        Assert.Empty(patch.Fields);
        Assert.Equal(stored, patch.ApplyTo(stored));
        Assert.Equal(5, read.Version);
    }

    [Fact]
    public void A_null_change_makes_a_value_unknown()
    {
        var stored = new Offering { ProviderId = "p", ModelId = "m", Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m } } };

        var written = CatalogWriter.Apply(stored, new Hashtable { ["InputPrice"] = null });

        Assert.Null(written.Pricing!.Tokens!.Input);
    }
}
