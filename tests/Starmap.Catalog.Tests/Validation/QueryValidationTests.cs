using Starmap.Catalog.Query;
using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

public sealed class QueryValidationTests
{
    [Fact]
    public void The_empty_query_is_valid() => CatalogValidator.Validate(new ModelQuery());

    [Fact]
    public void Boundary_values_are_valid() => CatalogValidator.Validate(new ModelQuery
    {
        Limit = 1000,
        Offset = 0,
        MinContext = 0,
        MaxContext = 0,
        MaxInputPrice = 0,
        MaxOutputPrice = 0,
        ReleasedAfter = new DateOnly(2025, 1, 1),
        ReleasedBefore = new DateOnly(2025, 1, 1),
        Providers = ["openai", "google-vertex"],
        Authors = ["meta"],
        Id = "meta-llama/*",
        Name = "GPT-?o",
        NameContains = "",
        Features = [Feature.Tools],
        WithoutFeatures = [Feature.Reasoning],
    });

    public static TheoryData<string, string?, ModelQuery> Broken => new()
    {
        { "offset", "-1", new ModelQuery { Offset = -1 } },
        { "limit", "0", new ModelQuery { Limit = 0 } },
        { "limit", "1001", new ModelQuery { Limit = 1001 } },
        { "min_context", "-5", new ModelQuery { MinContext = -5 } },
        { "max_context", "-1", new ModelQuery { MaxContext = -1 } },
        { "min_context", "200000", new ModelQuery { MinContext = 200_000, MaxContext = 100_000 } },
        { "max_input_price", "-0.5", new ModelQuery { MaxInputPrice = -0.5m } },
        { "max_output_price", "-1", new ModelQuery { MaxOutputPrice = -1m } },
        { "released_after", "2025-02-01", new ModelQuery { ReleasedAfter = new DateOnly(2025, 2, 1), ReleasedBefore = new DateOnly(2025, 1, 1) } },
        { "provider", "Google Vertex", new ModelQuery { Providers = ["openai", "Google Vertex"] } },
        { "author", "meta_llama", new ModelQuery { Authors = ["meta_llama"] } },
        { "id", new string('x', 257)[..80] + "…", new ModelQuery { Id = new string('x', 257) } },
        { "id", "", new ModelQuery { Id = "" } },
        { "name", "gpt\\u0000", new ModelQuery { Name = "gpt\0" } },
        { "name_contains", "a\\u000ab", new ModelQuery { NameContains = "a\nb" } },
        { "features", "tools", new ModelQuery { Features = [Feature.Tools], WithoutFeatures = [Feature.Tools] } },
        { "status", "9", new ModelQuery { Statuses = [(LifecycleStatus)9] } },
        { "sort", "77", new ModelQuery { Sort = (ModelSort)77 } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_names_the_filter_and_value(string field, string? value, ModelQuery query)
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(query));
        Assert.Equal(field, error.Field);
        Assert.Equal(value, error.Value);
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_validates_before_running()
    {
        var error = TestData.Invalid(() => ModelQueryEngine.Execute([], new ModelQuery { Limit = 5000 }, 1));
        Assert.Equal("limit", error.Field);
        Assert.Contains("between 1 and 1000", error.Reason, StringComparison.Ordinal);
    }
}
