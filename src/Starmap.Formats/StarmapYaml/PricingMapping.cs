namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// <see cref="ModelPricing"/> ⇄ Starmap's pricing block. Token prices are USD per 1M tokens in both
/// (<c>per_1m</c>); a cost given only <c>per_token</c> is scaled by 1,000,000 with decimal arithmetic.
/// A cost entry with neither (<c>output: {}</c>) states no price, so it is unknown. Tiers are sorted
/// by size, since the records require ascending thresholds and Starmap writes them in any order.
/// </summary>
internal static class PricingMapping
{
    private const decimal TokensPerMillion = 1_000_000m;

    public static ModelPricing? ToRecord(PricingYaml? y, MappingContext c)
    {
        if (y is null)
        {
            return null;
        }
        var tiers = new List<PricingTier>();
        foreach (var tier in y.Tiers ?? [])
        {
            if (tier.Type is { } type && type != "context")
            {
                throw c.Fail(tier, "type", "pricing.tiers.type", $"'{StarmapValidationException.Printable(type)}' is not supported; tiers apply above a context size ('context')");
            }
            tiers.Add(new PricingTier
            {
                Name = tier.Name,
                ContextThreshold = tier.Size ?? throw c.Fail(tier, "size", "pricing.tiers.size", "is required"),
                Tokens = Tokens(tier.Tokens, c),
                Operations = Operations(tier.Operations),
            });
        }
        var sorted = tiers.OrderBy(t => t.ContextThreshold).ToList();
        if (!sorted.SequenceEqual(tiers))
        {
            c.Warn("pricing.tiers are sorted by size (ascending)", y.LineOf("tiers"));
        }
        return new ModelPricing
        {
            Currency = y.Currency ?? "USD",
            Tokens = Tokens(y.Tokens, c),
            Operations = Operations(y.Operations),
            Tiers = sorted.ToEquatableArray(),
            EffectiveFrom = c.Timestamp(y.EffectiveFrom, y, "effective_from", "pricing.effective_from"),
            EffectiveUntil = c.Timestamp(y.EffectiveUntil, y, "effective_until", "pricing.effective_until"),
        };
    }

    public static PricingYaml? ToYaml(ModelPricing? p) => p is null ? null : new PricingYaml
    {
        Tokens = TokensYaml(p.Tokens),
        Operations = OperationsYaml(p.Operations),
        Tiers = p.Tiers.IsEmpty ? null : [.. p.Tiers.Select(t => new PricingTierYaml
        {
            Name = t.Name,
            Type = "context",
            Size = t.ContextThreshold,
            Tokens = TokensYaml(t.Tokens),
            Operations = OperationsYaml(t.Operations),
        })],
        Currency = p.Currency,
        EffectiveFrom = p.EffectiveFrom is { } from ? StarmapDates.Format(from) : null,
        EffectiveUntil = p.EffectiveUntil is { } until ? StarmapDates.Format(until) : null,
    };

    private static TokenPrices? Tokens(TokenPricesYaml? y, MappingContext c) => y is null ? null : new TokenPrices
    {
        Input = Cost(y.Input, c),
        Output = Cost(y.Output, c),
        Reasoning = Cost(y.Reasoning, c),
        CacheRead = Cost(y.CacheRead, c) ?? Cost(y.Cache?.Read, c),
        CacheWrite = Cost(y.CacheWrite, c) ?? Cost(y.Cache?.Write, c),
    };

    private static decimal? Cost(TokenCostYaml? y, MappingContext c)
    {
        if (y is null)
        {
            return null;
        }
        if (y.PerMillion is { } perMillion)
        {
            return perMillion;
        }
        if (y.PerToken is { } perToken)
        {
            return perToken * TokensPerMillion;
        }
        c.Warn("pricing: a token cost without per_1m or per_token is imported as unknown", y.Line);
        return null;
    }

    private static TokenPricesYaml? TokensYaml(TokenPrices? t) => t is null ? null : new TokenPricesYaml
    {
        Input = CostYaml(t.Input),
        Output = CostYaml(t.Output),
        Reasoning = CostYaml(t.Reasoning),
        CacheRead = CostYaml(t.CacheRead),
        CacheWrite = CostYaml(t.CacheWrite),
    };

    private static TokenCostYaml? CostYaml(decimal? perMillion) => perMillion is { } value ? new TokenCostYaml { PerMillion = value } : null;

    private static OperationPrices? Operations(OperationPricesYaml? y) => y is null ? null : new OperationPrices
    {
        Request = y.Request,
        ImageInput = y.ImageInput,
        AudioInput = y.AudioInput,
        VideoInput = y.VideoInput,
        ImageGen = y.ImageGen,
        AudioGen = y.AudioGen,
        VideoGen = y.VideoGen,
        WebSearch = y.WebSearch,
        FunctionCall = y.FunctionCall,
        ToolUse = y.ToolUse,
    };

    private static OperationPricesYaml? OperationsYaml(OperationPrices? o) => o is null ? null : new OperationPricesYaml
    {
        Request = o.Request,
        ImageInput = o.ImageInput,
        AudioInput = o.AudioInput,
        VideoInput = o.VideoInput,
        ImageGen = o.ImageGen,
        AudioGen = o.AudioGen,
        VideoGen = o.VideoGen,
        WebSearch = o.WebSearch,
        FunctionCall = o.FunctionCall,
        ToolUse = o.ToolUse,
    };
}
