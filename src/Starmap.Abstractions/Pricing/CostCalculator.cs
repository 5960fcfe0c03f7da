namespace Starmap;

/// <summary>
/// The cost of a call from an offering's prices, following the providers' rules as genai-prices documents
/// them: a context tier applies when the input tokens are strictly above its threshold, and then to every
/// token of the call (input and output alike); cache read and write tokens are part of the input tokens and
/// are charged at their cache price instead of the input price; reasoning tokens are part of the output
/// tokens and are charged at a reasoning price only where the offering has one. Token prices are per
/// 1,000,000 tokens, and amounts and the total are computed exactly (a result that needs more than a
/// decimal's 28 significant digits is rounded, with a note saying so). A price the usage needs but the offering does not
/// know leaves the total unknown and is named; it never counts as 0.
/// </summary>
public static class CostCalculator
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary><see cref="CostLine.Per"/> of token components: the price is per 1,000,000 tokens.</summary>
    public const string PerMillionTokens = "1m_tokens";

    /// <summary><see cref="CostLine.Per"/> of counted components (requests, images, searches): the price is per unit.</summary>
    public const string PerUnit = "unit";

    /// <summary>The largest count priced (a quadrillion): far above any bill, and safe from decimal overflow.</summary>
    public const long MaxCount = 1_000_000_000_000_000;

    /// <summary>Prices <paramref name="usage"/> with <paramref name="pricing"/> (null: no known prices).</summary>
    /// <exception cref="StarmapValidationException">A count is negative, or the parts exceed their whole.</exception>
    public static CallCost Calculate(string providerId, string modelId, ModelPricing? pricing, CallUsage usage, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(usage);
        Validate(usage);
        var lines = new List<CostLine>();
        var unpriced = new List<string>();
        var notes = new List<string>();

        if (pricing is not null && at is { } when && !InForce(pricing, when))
        {
            notes.Add($"the offering's prices apply {Span(pricing)}, not at {when:O}: the prices in force then are unknown");
            pricing = null;
        }
        var tier = pricing is null ? null : TierFor(pricing, usage.InputTokens);
        var tierName = tier is null ? null : tier.Name ?? $"above {tier.ContextThreshold} tokens";

        void Charge(string component, long quantity, decimal? tierPrice, decimal? basePrice, string unit)
        {
            if (quantity == 0)
            {
                return;
            }
            var price = tierPrice ?? basePrice;
            if (price is null)
            {
                unpriced.Add(component);
                return;
            }
            if (tier is not null && tierPrice is null)
            {
                notes.Add($"{component}: the tier '{tierName}' names no price, so the base price applied");
            }
            var shift = unit == PerMillionTokens ? 6 : 0;
            var amount = ExactDecimal.Product(quantity, price.Value, shift);
            if (amount is null)
            {
                notes.Add($"{component}: the exact amount needs more than 28 significant digits; it is rounded to 28");
            }
            lines.Add(new CostLine
            {
                Component = component,
                Quantity = quantity,
                UnitPrice = Trimmed(price.Value),
                Per = unit,
                Amount = amount ?? Rounded(component, quantity, price.Value, unit),
                Tier = tierPrice is null ? null : tierName,
            });
        }

        var baseTokens = pricing?.Tokens;
        var tierTokens = tier?.Tokens;
        var uncachedInput = usage.InputTokens - usage.CacheReadTokens - usage.CacheWriteTokens;
        Charge(CostComponents.InputTokens, uncachedInput, tierTokens?.Input, baseTokens?.Input, PerMillionTokens);
        Charge(CostComponents.CacheReadTokens, usage.CacheReadTokens, tierTokens?.CacheRead, baseTokens?.CacheRead, PerMillionTokens);
        Charge(CostComponents.CacheWriteTokens, usage.CacheWriteTokens, tierTokens?.CacheWrite, baseTokens?.CacheWrite, PerMillionTokens);
        // Reasoning is output unless the offering prices it apart.
        var reasoningPriced = (tierTokens?.Reasoning ?? baseTokens?.Reasoning) is not null;
        var reasoning = reasoningPriced ? usage.ReasoningTokens : 0;
        Charge(CostComponents.OutputTokens, usage.OutputTokens - reasoning, tierTokens?.Output, baseTokens?.Output, PerMillionTokens);
        Charge(CostComponents.ReasoningTokens, reasoning, tierTokens?.Reasoning, baseTokens?.Reasoning, PerMillionTokens);

        var baseOps = pricing?.Operations;
        var tierOps = tier?.Operations;
        Charge(CostComponents.Requests, usage.Requests, tierOps?.Request, baseOps?.Request, PerUnit);
        Charge(CostComponents.InputImages, usage.InputImages, tierOps?.ImageInput, baseOps?.ImageInput, PerUnit);
        Charge(CostComponents.InputAudio, usage.InputAudio, tierOps?.AudioInput, baseOps?.AudioInput, PerUnit);
        Charge(CostComponents.InputVideo, usage.InputVideo, tierOps?.VideoInput, baseOps?.VideoInput, PerUnit);
        Charge(CostComponents.GeneratedImages, usage.GeneratedImages, tierOps?.ImageGen, baseOps?.ImageGen, PerUnit);
        Charge(CostComponents.GeneratedAudio, usage.GeneratedAudio, tierOps?.AudioGen, baseOps?.AudioGen, PerUnit);
        Charge(CostComponents.GeneratedVideo, usage.GeneratedVideo, tierOps?.VideoGen, baseOps?.VideoGen, PerUnit);
        Charge(CostComponents.WebSearches, usage.WebSearches, tierOps?.WebSearch, baseOps?.WebSearch, PerUnit);
        Charge(CostComponents.FunctionCalls, usage.FunctionCalls, tierOps?.FunctionCall, baseOps?.FunctionCall, PerUnit);
        Charge(CostComponents.ToolUses, usage.ToolUses, tierOps?.ToolUse, baseOps?.ToolUse, PerUnit);

        decimal? total = null;
        if (unpriced.Count == 0)
        {
            total = ExactDecimal.Sum([.. lines.Select(l => l.Amount)]);
            if (total is null)
            {
                notes.Add("the exact total needs more than 28 significant digits; it is rounded to 28");
                try
                {
                    total = Trimmed(lines.Sum(l => l.Amount));
                }
                catch (OverflowException)
                {
                    throw new StarmapValidationException("usage", null, "the total is past the largest decimal (about 7.9e28) at these prices");
                }
            }
        }
        return new CallCost
        {
            ProviderId = providerId,
            ModelId = modelId,
            Currency = pricing?.Currency ?? "USD",
            Total = total,
            Lines = lines.ToEquatableArray(),
            Unpriced = unpriced.ToEquatableArray(),
            Tier = tierName,
            Notes = notes.ToEquatableArray(),
            At = at,
        };
    }

    /// <summary>The highest tier whose threshold the input tokens are strictly above, or null.</summary>
    public static PricingTier? TierFor(ModelPricing pricing, long inputTokens)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        PricingTier? chosen = null;
        foreach (var tier in pricing.Tiers)
        {
            if (inputTokens > tier.ContextThreshold && (chosen is null || tier.ContextThreshold > chosen.ContextThreshold))
            {
                chosen = tier;
            }
        }
        return chosen;
    }

    /// <summary>The amount rounded to a decimal's 28 digits; one past decimal's range (a price far above any the catalog holds) names the count.</summary>
    private static decimal Rounded(string component, long quantity, decimal price, string unit)
    {
        try
        {
            return Trimmed(unit == PerMillionTokens ? quantity * price / PerMillion : quantity * price);
        }
        catch (OverflowException)
        {
            throw new StarmapValidationException(component, quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at a price of {price.ToString(System.Globalization.CultureInfo.InvariantCulture)} the amount is past the largest decimal (about 7.9e28)");
        }
    }

    /// <summary>
    /// The same value without trailing zeros (0.0060 → 0.006): a product keeps the scale of its factors, and
    /// amounts are written as they are held (JSON, PowerShell), so they read as the plain exact number.
    /// </summary>
    private static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool InForce(ModelPricing pricing, DateTimeOffset at) =>
        (pricing.EffectiveFrom is not { } from || at >= from) && (pricing.EffectiveUntil is not { } until || at < until);

    private static string Span(ModelPricing pricing) => (pricing.EffectiveFrom, pricing.EffectiveUntil) switch
    {
        ({ } from, { } until) => $"from {from:O} until {until:O}",
        ({ } from, null) => $"from {from:O}",
        (null, { } until) => $"until {until:O}",
        _ => "always",
    };

    /// <summary>Checks that <paramref name="usage"/> can be: counts from 0 to <see cref="MaxCount"/>, parts inside their wholes.</summary>
    /// <exception cref="StarmapValidationException">Names the count at fault.</exception>
    public static void Validate(CallUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        foreach (var (name, value) in Counts(usage))
        {
            if (value < 0)
            {
                throw new StarmapValidationException(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be negative");
            }
            if (value > MaxCount)
            {
                throw new StarmapValidationException(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be at most {MaxCount}");
            }
        }
        if (usage.CacheReadTokens + usage.CacheWriteTokens > usage.InputTokens)
        {
            throw new StarmapValidationException(CostComponents.InputTokens, usage.InputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"must include the cache read and cache write tokens ({usage.CacheReadTokens} + {usage.CacheWriteTokens}): they are part of the input");
        }
        if (usage.ReasoningTokens > usage.OutputTokens)
        {
            throw new StarmapValidationException(CostComponents.OutputTokens, usage.OutputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"must include the reasoning tokens ({usage.ReasoningTokens}): they are part of the output");
        }
    }

    private static IEnumerable<(string Name, long Value)> Counts(CallUsage u) =>
    [
        (CostComponents.InputTokens, u.InputTokens), (CostComponents.OutputTokens, u.OutputTokens),
        (CostComponents.CacheReadTokens, u.CacheReadTokens), (CostComponents.CacheWriteTokens, u.CacheWriteTokens),
        (CostComponents.ReasoningTokens, u.ReasoningTokens), (CostComponents.Requests, u.Requests),
        (CostComponents.InputImages, u.InputImages), (CostComponents.InputAudio, u.InputAudio), (CostComponents.InputVideo, u.InputVideo),
        (CostComponents.GeneratedImages, u.GeneratedImages), (CostComponents.GeneratedAudio, u.GeneratedAudio),
        (CostComponents.GeneratedVideo, u.GeneratedVideo), (CostComponents.WebSearches, u.WebSearches),
        (CostComponents.FunctionCalls, u.FunctionCalls), (CostComponents.ToolUses, u.ToolUses),
    ];
}
