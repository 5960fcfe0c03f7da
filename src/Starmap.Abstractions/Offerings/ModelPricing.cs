namespace Starmap;

/// <summary>
/// Prices of an offering. Token prices are per 1,000,000 tokens in <see cref="Currency"/>; decimal so
/// per-token inputs convert without float drift. Each price is null when unknown; 0 means free.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.model-pricing")]
public sealed record ModelPricing
{
    /// <summary>ISO 4217 code, upper case; Starmap's data is USD.</summary>
    [Id(0)] public string Currency { get; init; } = "USD";

    /// <summary>Prices per 1M tokens.</summary>
    [Id(1)] public TokenPrices? Tokens { get; init; }

    /// <summary>Fixed prices per operation.</summary>
    [Id(2)] public OperationPrices? Operations { get; init; }

    /// <summary>Prices that apply above a context size, ascending by threshold.</summary>
    [Id(3)] public EquatableArray<PricingTier> Tiers { get; init; }

    /// <summary>When these prices start to apply.</summary>
    [Id(4)] public DateTimeOffset? EffectiveFrom { get; init; }

    /// <summary>When these prices stop applying.</summary>
    [Id(5)] public DateTimeOffset? EffectiveUntil { get; init; }
}

/// <summary>Prices per 1,000,000 tokens; each null when unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.token-prices")]
public sealed record TokenPrices
{
    /// <summary>Input tokens.</summary>
    [Id(0)] public decimal? Input { get; init; }

    /// <summary>Output tokens.</summary>
    [Id(1)] public decimal? Output { get; init; }

    /// <summary>Reasoning tokens, when billed apart from output.</summary>
    [Id(2)] public decimal? Reasoning { get; init; }

    /// <summary>Cached input read.</summary>
    [Id(3)] public decimal? CacheRead { get; init; }

    /// <summary>Cache write.</summary>
    [Id(4)] public decimal? CacheWrite { get; init; }
}

/// <summary>Fixed prices per operation; each null when unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.operation-prices")]
public sealed record OperationPrices
{
    /// <summary>Per request.</summary>
    [Id(0)] public decimal? Request { get; init; }
    /// <summary>Per input image.</summary>
    [Id(1)] public decimal? ImageInput { get; init; }
    /// <summary>Per input audio unit.</summary>
    [Id(2)] public decimal? AudioInput { get; init; }
    /// <summary>Per input video unit.</summary>
    [Id(3)] public decimal? VideoInput { get; init; }
    /// <summary>Per generated image.</summary>
    [Id(4)] public decimal? ImageGen { get; init; }
    /// <summary>Per generated audio unit.</summary>
    [Id(5)] public decimal? AudioGen { get; init; }
    /// <summary>Per generated video unit.</summary>
    [Id(6)] public decimal? VideoGen { get; init; }
    /// <summary>Per web search.</summary>
    [Id(7)] public decimal? WebSearch { get; init; }
    /// <summary>Per function call.</summary>
    [Id(8)] public decimal? FunctionCall { get; init; }
    /// <summary>Per tool use.</summary>
    [Id(9)] public decimal? ToolUse { get; init; }
}

/// <summary>Prices that apply when the context exceeds <see cref="ContextThreshold"/> tokens.</summary>
[GenerateSerializer, Immutable, Alias("starmap.pricing-tier")]
public sealed record PricingTier
{
    /// <summary>Optional label, e.g. "long-context".</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary>Context size in tokens above which the tier applies.</summary>
    [Id(1)] public long ContextThreshold { get; init; }

    /// <summary>Token prices in the tier.</summary>
    [Id(2)] public TokenPrices? Tokens { get; init; }

    /// <summary>Operation prices in the tier.</summary>
    [Id(3)] public OperationPrices? Operations { get; init; }
}
