using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

public sealed class OfferingValidationTests
{
    private const string Root = "offerings[gpt-4o]";

    private static readonly Offering Full = new()
    {
        ProviderId = "openai",
        ModelId = "gpt-4o",
        DefinitionId = "openai/gpt-4o",
        Name = "GPT-4o",
        Pricing = new ModelPricing
        {
            Tokens = new TokenPrices { Input = 2.5m, Output = 10m, CacheRead = 1.25m },
            Operations = new OperationPrices { WebSearch = 0.01m },
            Tiers = [new PricingTier { ContextThreshold = 128_000, Tokens = new TokenPrices { Input = 5m } }, new PricingTier { ContextThreshold = 200_000 }],
            EffectiveFrom = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            EffectiveUntil = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
        Limits = new ModelLimits { ContextWindow = 128_000, InputTokens = 128_000, OutputTokens = 16_384 },
        Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, DeprecatedAt = new DateOnly(2025, 6, 1), RetiresAt = new DateOnly(2025, 6, 1) },
        Regions = ["us", "eu"],
        AuthorIds = ["openai"],
        Features = new ModelFeatures { InputModalities = [Modality.Text, Modality.Image], Flags = FeatureFlags.Supporting(Feature.Tools) },
    };

    [Fact]
    public void A_complete_valid_offering_passes() => CatalogValidator.Validate(Full, "openai", Root);

    [Fact]
    public void Free_and_maximum_prices_are_valid() =>
        CatalogValidator.Validate(Full with { Pricing = TestData.Price(0m, 1_000_000m) });

    [Fact]
    public void Model_ids_with_slashes_and_ats_are_valid_offering_keys()
    {
        CatalogValidator.Validate(Full with { ModelId = "meta-llama/llama-4-scout-17b-16e-instruct", DefinitionId = "meta/llama-4-scout" });
        CatalogValidator.Validate(Full with { ModelId = "claude-3-5-sonnet@20241022", DefinitionId = null });
    }

    public static TheoryData<string, Func<Offering, Offering>> Broken => new()
    {
        { Root + ".provider_id", o => o with { ProviderId = "OpenAI" } },
        { Root + ".provider_id", o => o with { ProviderId = "azure" } },
        { Root + ".model_id", o => o with { ModelId = "gpt 4o" } },
        { Root + ".model_id", o => o with { ModelId = "../gpt-4o" } },
        { Root + ".definition_id", o => o with { DefinitionId = "gpt-4o" } },
        { Root + ".name", o => o with { Name = "" } },
        { Root + ".pricing.currency", o => o with { Pricing = o.Pricing! with { Currency = "usd" } } },
        { Root + ".pricing.currency", o => o with { Pricing = o.Pricing! with { Currency = "US" } } },
        { Root + ".pricing.tokens.input", o => o with { Pricing = TestData.Price(-0.01m) } },
        { Root + ".pricing.tokens.output", o => o with { Pricing = TestData.Price(1m, 1_000_000.01m) } },
        { Root + ".pricing.tokens.cache_write", o => o with { Pricing = new ModelPricing { Tokens = new TokenPrices { CacheWrite = -1m } } } },
        { Root + ".pricing.operations.image_gen", o => o with { Pricing = new ModelPricing { Operations = new OperationPrices { ImageGen = -5m } } } },
        { Root + ".pricing.tiers[0].context_threshold", o => WithTiers(o, 0) },
        { Root + ".pricing.tiers[1].context_threshold", o => WithTiers(o, 1000, 1000) },
        { Root + ".pricing.tiers[2].context_threshold", o => WithTiers(o, 1000, 5000, 2000) },
        { Root + ".pricing.tiers[0].tokens.input", o => o with { Pricing = new ModelPricing { Tiers = [new PricingTier { ContextThreshold = 1, Tokens = new TokenPrices { Input = -1 } }] } } },
        { Root + ".pricing.effective_until", o => o with { Pricing = o.Pricing! with { EffectiveUntil = o.Pricing!.EffectiveFrom } } },
        { Root + ".limits.context_window", o => o with { Limits = new ModelLimits { ContextWindow = 0 } } },
        { Root + ".limits.output_tokens", o => o with { Limits = new ModelLimits { OutputTokens = -1 } } },
        { Root + ".limits.output_tokens", o => o with { Limits = new ModelLimits { ContextWindow = 1000, OutputTokens = 1001 } } },
        // A figure no model holds (a provider answering 1e18, a placeholder) is refused, not sorted first.
        { Root + ".limits.context_window", o => o with { Limits = new ModelLimits { ContextWindow = 1_000_000_001 } } },
        { Root + ".limits.input_tokens", o => o with { Limits = new ModelLimits { InputTokens = long.MaxValue } } },
        { Root + ".limits.input_tokens", o => o with { Limits = new ModelLimits { ContextWindow = 1000, InputTokens = 2000 } } },
        { Root + ".lifecycle.retires_at", o => o with { Lifecycle = new OfferingLifecycle { DeprecatedAt = new DateOnly(2025, 6, 2), RetiresAt = new DateOnly(2025, 6, 1) } } },
        { Root + ".features.flags.tools", o => o with { Features = new ModelFeatures { Flags = new FeatureFlags { Supported = [Feature.Tools], Unsupported = [Feature.Tools] } } } },
        { Root + ".features.input_modalities[1]", o => o with { Features = new ModelFeatures { InputModalities = [Modality.Text, (Modality)99] } } },
        { Root + ".author_ids[1]", o => o with { AuthorIds = ["openai", "Microsoft"] } },
        { Root + ".regions[1]", o => o with { Regions = ["us", " "] } },
        { Root + ".availability", o => o with { Availability = (Availability)42 } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_names_its_field(string field, Func<Offering, Offering> breakIt)
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(breakIt(Full), "openai", Root));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Wrong_provider_says_which_provider_was_expected()
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(Full with { ProviderId = "azure" }, "openai"));
        Assert.Equal("offering.provider_id", error.Field);
        Assert.Equal("azure", error.Value);
        Assert.Contains("'openai'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_expected_provider_any_valid_provider_is_accepted() =>
        CatalogValidator.Validate(Full with { ProviderId = "azure" });

    [Fact]
    public void A_negative_price_reports_the_price()
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(Full with { Pricing = TestData.Price(-2.5m) }));
        Assert.Equal("-2.5", error.Value);
    }

    [Fact]
    public void A_contradictory_feature_names_the_feature()
    {
        var flags = new FeatureFlags { Supported = [Feature.StructuredOutputs], Unsupported = [Feature.StructuredOutputs] };
        var error = TestData.Invalid(() => CatalogValidator.Validate(Full with { Features = new ModelFeatures { Flags = flags } }));
        Assert.Equal("offering.features.flags.structured_outputs", error.Field);
        Assert.Equal("structured_outputs", error.Value);
    }

    private static Offering WithTiers(Offering offering, params long[] thresholds) =>
        offering with { Pricing = new ModelPricing { Tiers = [.. thresholds.Select(t => new PricingTier { ContextThreshold = t })] } };
}
