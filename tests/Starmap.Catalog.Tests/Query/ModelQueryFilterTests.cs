using Starmap.Catalog.Query;

namespace Starmap.Catalog.Tests.Query;

public sealed class ModelQueryFilterTests
{
    private static readonly DateOnly Spring = new(2025, 4, 5);

    private static readonly CatalogModel Gpt = TestData.Model(
        TestData.Offering("openai", "gpt-4o", "openai/gpt-4o") with
        {
            Pricing = TestData.Price(2.5m, 10m),
            Limits = new ModelLimits { ContextWindow = 128_000 },
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active },
            Features = new ModelFeatures { InputModalities = [Modality.Text, Modality.Image], OutputModalities = [Modality.Text] },
        },
        TestData.Definition("openai/gpt-4o", "GPT-4o") with
        {
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2024, 5, 13), OpenWeights = false },
            Features = TestData.Flags((Feature.Tools, true), (Feature.Reasoning, false)),
        },
        "openai");

    private static readonly CatalogModel Scout = TestData.Model(
        TestData.Offering("groq", "meta-llama/llama-4-scout-17b-16e-instruct", "meta/llama-4-scout") with
        {
            Pricing = TestData.Price(0.11m, 0.34m),
            Limits = new ModelLimits { ContextWindow = 131_072 },
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Preview },
            Features = TestData.Flags((Feature.Tools, false)),
        },
        TestData.Definition("meta/llama-4-scout", "Llama 4 Scout") with
        {
            Metadata = new ModelMetadata { ReleaseDate = Spring, OpenWeights = true },
            Features = new ModelFeatures { InputModalities = [Modality.Text], Flags = FeatureFlags.Supporting(Feature.Tools, Feature.Streaming) },
        },
        "meta");

    // Knows almost nothing: no price, limits, dates, modalities, features or status.
    private static readonly CatalogModel Mystery = TestData.Model(TestData.Offering("vertex", "claude-3-5-sonnet@20241022"), null, "anthropic");

    private static readonly CatalogModel[] All = [Gpt, Scout, Mystery];

    [Fact]
    public void Providers_match_any_listed_id_exactly()
    {
        Assert.Equal([Scout, Gpt], Run(new ModelQuery { Providers = ["openai", "groq"] }));
        Assert.Empty(Run(new ModelQuery { Providers = ["open"] }));
    }

    [Fact]
    public void Authors_match_any_credited_author() =>
        Assert.Equal([Scout, Mystery], Run(new ModelQuery { Authors = ["meta", "anthropic"] }));

    [Fact]
    public void Id_is_a_case_insensitive_exact_match_without_wildcards()
    {
        Assert.Equal([Gpt], Run(new ModelQuery { Id = "GPT-4o" }));
        Assert.Empty(Run(new ModelQuery { Id = "gpt-4" }));
        Assert.Equal([Mystery], Run(new ModelQuery { Id = "claude-3-5-sonnet@20241022" }));
    }

    [Fact]
    public void Id_wildcards_cross_slashes()
    {
        Assert.Equal([Scout], Run(new ModelQuery { Id = "meta-llama/*" }));
        Assert.Equal([Scout], Run(new ModelQuery { Id = "*scout*" }));
        Assert.Equal([Mystery], Run(new ModelQuery { Id = "*@2024????" }));
    }

    [Fact]
    public void Id_also_matches_the_linked_definition_id()
    {
        Assert.Equal([Scout], Run(new ModelQuery { Id = "meta/llama-4-scout" }));
        Assert.Equal([Gpt], Run(new ModelQuery { Id = "openai/*" }));
    }

    [Fact]
    public void Name_wildcard_and_substring_use_the_effective_name()
    {
        Assert.Equal([Scout], Run(new ModelQuery { Name = "llama 4 *" }));
        Assert.Equal([Gpt], Run(new ModelQuery { Name = "gpt-4o" }));
        Assert.Equal([Scout], Run(new ModelQuery { NameContains = "SCOUT" }));
        // Without a definition or offering name, the name is the model ID.
        Assert.Equal([Mystery], Run(new ModelQuery { NameContains = "sonnet@" }));
    }

    [Fact]
    public void Modalities_must_all_be_known_and_unknown_never_matches()
    {
        Assert.Equal([Gpt], Run(new ModelQuery { InputModalities = [Modality.Text, Modality.Image] }));
        // The offering's modalities override the definition's, and Mystery's are unknown.
        Assert.Equal([Scout, Gpt], Run(new ModelQuery { InputModalities = [Modality.Text] }));
        Assert.Equal([Gpt], Run(new ModelQuery { OutputModalities = [Modality.Text] }));
    }

    [Fact]
    public void Features_use_the_offering_value_before_the_definition_value()
    {
        // Groq's offering says no tools even though the definition says yes.
        Assert.Equal([Gpt], Run(new ModelQuery { Features = [Feature.Tools] }));
        Assert.Equal([Scout], Run(new ModelQuery { WithoutFeatures = [Feature.Tools] }));
        Assert.Equal([Scout], Run(new ModelQuery { Features = [Feature.Streaming] }));
    }

    [Fact]
    public void An_unknown_feature_fails_both_features_and_without_features()
    {
        Assert.DoesNotContain(Mystery, Run(new ModelQuery { Features = [Feature.Tools] }));
        Assert.DoesNotContain(Mystery, Run(new ModelQuery { WithoutFeatures = [Feature.Tools] }));
        Assert.Empty(Run(new ModelQuery { WithoutFeatures = [Feature.Seed] }));
        Assert.Equal([Gpt], Run(new ModelQuery { WithoutFeatures = [Feature.Reasoning] }));
    }

    [Fact]
    public void Context_bounds_are_inclusive_and_unknown_context_fails_them()
    {
        Assert.Equal([Scout], Run(new ModelQuery { MinContext = 131_072 }));
        Assert.Equal([Gpt], Run(new ModelQuery { MaxContext = 128_000 }));
        Assert.Equal([Scout, Gpt], Run(new ModelQuery { MinContext = 1 }));
        Assert.DoesNotContain(Mystery, Run(new ModelQuery { MaxContext = long.MaxValue }));
    }

    [Fact]
    public void A_model_with_unknown_price_is_not_cheaper_than_a_dollar()
    {
        Assert.Equal([Scout], Run(new ModelQuery { MaxInputPrice = 1m }));
        Assert.Equal([Scout], Run(new ModelQuery { MaxOutputPrice = 1m }));
        Assert.Equal([Scout, Gpt], Run(new ModelQuery { MaxInputPrice = 2.5m }));
        Assert.DoesNotContain(Mystery, Run(new ModelQuery { MaxInputPrice = 1_000_000m }));
    }

    [Fact]
    public void A_free_model_passes_a_zero_price_bound()
    {
        var free = TestData.Model(TestData.Offering("ollama", "llama3") with { Pricing = TestData.Price(0m, 0m) });
        Assert.Equal([free], ModelQueryEngine.Execute([Mystery, free], new ModelQuery { MaxInputPrice = 0m }, 1).Items);
    }

    [Fact]
    public void Release_bounds_are_inclusive_and_unknown_date_fails_them()
    {
        Assert.Equal([Scout], Run(new ModelQuery { ReleasedAfter = Spring }));
        Assert.Equal([Scout], Run(new ModelQuery { ReleasedAfter = Spring, ReleasedBefore = Spring }));
        Assert.Equal([Gpt], Run(new ModelQuery { ReleasedBefore = Spring.AddDays(-1) }));
        Assert.DoesNotContain(Mystery, Run(new ModelQuery { ReleasedAfter = DateOnly.MinValue }));
    }

    [Fact]
    public void Statuses_match_listed_values_and_unknown_only_when_listed()
    {
        Assert.Equal([Scout, Gpt], Run(new ModelQuery { Statuses = [LifecycleStatus.Active, LifecycleStatus.Preview] }));
        Assert.Equal([Mystery], Run(new ModelQuery { Statuses = [LifecycleStatus.Unknown] }));
    }

    [Fact]
    public void Open_weights_must_be_known_and_equal()
    {
        Assert.Equal([Scout], Run(new ModelQuery { OpenWeights = true }));
        Assert.Equal([Gpt], Run(new ModelQuery { OpenWeights = false }));
    }

    [Fact]
    public void All_given_filters_must_hold()
    {
        Assert.Equal([Scout], Run(new ModelQuery { MinContext = 100_000, MaxInputPrice = 1m, OpenWeights = true }));
        Assert.Empty(Run(new ModelQuery { Providers = ["openai"], OpenWeights = true }));
    }

    [Fact]
    public void The_page_reports_generation_total_offset_and_effective_limit()
    {
        var page = ModelQueryEngine.Execute(All, new ModelQuery(), 42);
        Assert.Equal(42, page.Generation);
        Assert.Equal(3, page.Total);
        Assert.Equal(0, page.Offset);
        Assert.Equal(ModelQuery.DefaultLimit, page.Limit);
    }

    private static EquatableArray<CatalogModel> Run(ModelQuery query) => ModelQueryEngine.Execute(All, query, 1).Items;
}
