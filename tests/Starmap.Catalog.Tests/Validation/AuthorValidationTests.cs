using Starmap.Catalog.Snapshot;
using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

public sealed class AuthorValidationTests
{
    private static readonly Author Meta = new()
    {
        Id = "meta",
        Name = "Meta",
        Aliases = ["meta-llama"],
        Links = new AuthorLinks { Website = "https://ai.meta.com", HuggingFace = "https://huggingface.co/meta-llama" },
        Attribution =
        [
            new AttributionRule { Patterns = ["llama-*", "*@llama-*", "meta-llama/**"] },
            new AttributionRule { ProviderId = "groq", Patterns = ["*llama*"] },
            new AttributionRule { ProviderId = "meta" },
        ],
    };

    [Fact]
    public void A_complete_valid_author_passes() => CatalogValidator.Validate(Meta);

    public static TheoryData<string, Func<Author, Author>> Broken => new()
    {
        { "author.id", a => a with { Id = "Meta" } },
        { "author.name", a => a with { Name = "" } },
        { "author.aliases[0]", a => a with { Aliases = ["meta_llama"] } },
        { "author.aliases[1]", a => a with { Aliases = ["llama", "llama"] } },
        { "author.aliases[0]", a => a with { Aliases = ["meta"] } },
        { "author.icon_url", a => a with { IconUrl = "icon.png" } },
        { "author.links.website", a => a with { Links = new AuthorLinks { Website = "ai.meta.com" } } },
        { "author.links.git_hub", a => a with { Links = new AuthorLinks { GitHub = "github.com/meta" } } },
        { "author.attribution[0].provider_id", a => a with { Attribution = [new AttributionRule { ProviderId = "Groq" }] } },
        { "author.attribution[0].patterns[1]", a => a with { Attribution = [new AttributionRule { Patterns = ["llama-*", ""] }] } },
        { "author.attribution[0].patterns[0]", a => a with { Attribution = [new AttributionRule { Patterns = ["llama***"] }] } },
        { "author.attribution[1]", a => a with { Attribution = [new AttributionRule { ProviderId = "meta" }, new AttributionRule()] } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_names_its_field(string field, Func<Author, Author> breakIt)
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(breakIt(Meta)));
        Assert.Equal(field, error.Field);
    }
}
