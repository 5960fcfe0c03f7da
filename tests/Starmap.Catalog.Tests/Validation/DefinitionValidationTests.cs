using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

public sealed class DefinitionValidationTests
{
    private static readonly ModelDefinition Llama = new()
    {
        Id = "meta/llama-4-scout",
        Name = "Llama 4 Scout",
        AuthorIds = ["meta", "huggingface"],
        Features = new ModelFeatures { OutputModalities = [Modality.Text], Flags = FeatureFlags.Supporting(Feature.Tools, Feature.Streaming) },
    };

    [Fact]
    public void A_valid_definition_passes() => CatalogValidator.Validate(Llama, "meta");

    [Fact]
    public void Author_ids_may_be_empty_because_the_id_names_the_owner() =>
        CatalogValidator.Validate(Llama with { AuthorIds = [] }, "meta");

    public static TheoryData<string, Func<ModelDefinition, ModelDefinition>> Broken => new()
    {
        { "definition.id", d => d with { Id = "llama-4-scout" } },
        { "definition.id", d => d with { Id = "meta/llama 4" } },
        { "definition.id", d => d with { Id = "openai/llama-4-scout" } },
        { "definition.name", d => d with { Name = " " } },
        { "definition.author_ids[0]", d => d with { AuthorIds = ["Meta"] } },
        { "definition.author_ids", d => d with { AuthorIds = ["huggingface"] } },
        { "definition.features.flags.streaming", d => d with { Features = new ModelFeatures { Flags = new FeatureFlags { Supported = [Feature.Streaming], Unsupported = [Feature.Streaming] } } } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_names_its_field(string field, Func<ModelDefinition, ModelDefinition> breakIt)
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(breakIt(Llama), "meta"));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Owner_mismatch_says_which_author_owns_it()
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(Llama, "openai", "authors[openai].definitions[meta/llama-4-scout]"));
        Assert.Equal("authors[openai].definitions[meta/llama-4-scout].id", error.Field);
        Assert.Contains("'openai/'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_authors_must_include_the_owner()
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(Llama with { AuthorIds = ["huggingface"] }));
        Assert.Contains("'meta'", error.Reason, StringComparison.Ordinal);
    }
}
