namespace Starmap.Sources.ModelsDev;

/// <summary>models.dev prices, USD per 1M tokens, read as exact decimals from the JSON text.</summary>
public sealed record ModelsDevCost
{
    /// <summary>Input tokens.</summary>
    public decimal? Input { get; init; }

    /// <summary>Output tokens.</summary>
    public decimal? Output { get; init; }

    /// <summary>Cached input read.</summary>
    public decimal? CacheRead { get; init; }

    /// <summary>Cache write.</summary>
    public decimal? CacheWrite { get; init; }

    /// <summary>Reasoning tokens.</summary>
    public decimal? Reasoning { get; init; }

    /// <summary>Audio input tokens.</summary>
    public decimal? InputAudio { get; init; }

    /// <summary>Audio output tokens.</summary>
    public decimal? OutputAudio { get; init; }

    /// <summary>
    /// Prices above a context size, ascending: from <c>tiers</c> (<c>{tier: {type: context, size}}</c>),
    /// or from the older <c>context_over_200k</c> block when <c>tiers</c> is absent.
    /// </summary>
    public EquatableArray<ModelsDevCostTier> Tiers { get; init; }
}

/// <summary>Prices that apply when the context exceeds <see cref="ContextOver"/> tokens.</summary>
public sealed record ModelsDevCostTier
{
    /// <summary>Context size in tokens above which the tier applies.</summary>
    public long ContextOver { get; init; }

    /// <summary>Input tokens.</summary>
    public decimal? Input { get; init; }

    /// <summary>Output tokens.</summary>
    public decimal? Output { get; init; }

    /// <summary>Cached input read.</summary>
    public decimal? CacheRead { get; init; }

    /// <summary>Cache write.</summary>
    public decimal? CacheWrite { get; init; }

    /// <summary>Reasoning tokens.</summary>
    public decimal? Reasoning { get; init; }
}
