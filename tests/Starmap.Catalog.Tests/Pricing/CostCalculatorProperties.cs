using CsCheck;

namespace Starmap.Catalog.Tests.Pricing;

/// <summary>Costs are linear in usage within a tier, exact in decimal, and priced by the sheet in force.</summary>
public sealed class CostCalculatorProperties
{
    private static readonly Gen<decimal?> Price =
        Gen.Frequency((1, Gen.Const((decimal?)null)), (4, Gen.Int[0, 100_000].Select(cents => (decimal?)(cents / 1000m))));

    private static readonly Gen<TokenPrices> Tokens =
        Gen.Select(Price, Price, Price, Price, Price, (i, o, r, cr, cw) => new TokenPrices { Input = i, Output = o, Reasoning = r, CacheRead = cr, CacheWrite = cw });

    private static readonly Gen<ModelPricing> Pricing =
        Gen.Select(Tokens, Tokens.Array[0, 3], Price, (tokens, tierTokens, request) => new ModelPricing
        {
            Tokens = tokens,
            Operations = new OperationPrices { Request = request },
            Tiers = tierTokens.Select((t, i) => new PricingTier { ContextThreshold = 100_000L * (i + 1), Tokens = t }).ToEquatableArray(),
        });

    /// <summary>Usage with every part inside its whole.</summary>
    private static readonly Gen<CallUsage> Usage =
        Gen.Select(Gen.Long[0, 500_000], Gen.Long[0, 100_000], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Long[0, 5],
            (input, output, read, write, reasoning, requests) =>
            {
                var cacheRead = (long)(input * read * 0.5);
                var cacheWrite = (long)(input * write * 0.5);
                return new CallUsage
                {
                    InputTokens = input, OutputTokens = output, CacheReadTokens = cacheRead, CacheWriteTokens = cacheWrite,
                    ReasoningTokens = (long)(output * reasoning), Requests = requests,
                };
            });

    private static CallUsage Sum(CallUsage a, CallUsage b) => new()
    {
        InputTokens = a.InputTokens + b.InputTokens, OutputTokens = a.OutputTokens + b.OutputTokens,
        CacheReadTokens = a.CacheReadTokens + b.CacheReadTokens, CacheWriteTokens = a.CacheWriteTokens + b.CacheWriteTokens,
        ReasoningTokens = a.ReasoningTokens + b.ReasoningTokens, Requests = a.Requests + b.Requests,
    };

    [Fact]
    public void Within_one_tier_the_cost_of_two_calls_is_the_cost_of_their_sum() =>
        Gen.Select(Pricing, Usage, Usage).Sample((pricing, a, b) =>
        {
            var sum = Sum(a, b);
            var tier = CostCalculator.TierFor(pricing, a.InputTokens);
            if (tier != CostCalculator.TierFor(pricing, b.InputTokens) || tier != CostCalculator.TierFor(pricing, sum.InputTokens))
            {
                return; // across tiers the price per token changes: linear only within one
            }
            var ca = CostCalculator.Calculate("p", "m", pricing, a);
            var cb = CostCalculator.Calculate("p", "m", pricing, b);
            var cs = CostCalculator.Calculate("p", "m", pricing, sum);
            if (ca.Total is { } ta && cb.Total is { } tb)
            {
                Assert.Equal(ta + tb, cs.Total);
            }
            // A price unknown for one call is unknown for the sum too: never a 0 that hides it.
            Assert.Equal(ca.Unpriced.Union(cb.Unpriced).Order(StringComparer.Ordinal), cs.Unpriced.Order(StringComparer.Ordinal));
        }, iter: 2000);

    [Fact]
    public void Every_amount_is_exact_and_the_total_is_their_sum() =>
        Gen.Select(Pricing, Usage).Sample((pricing, usage) =>
        {
            var cost = CostCalculator.Calculate("p", "m", pricing, usage);
            foreach (var line in cost.Lines)
            {
                var scale = line.Per == CostCalculator.PerMillionTokens ? 1_000_000m : 1m;
                Assert.Equal(line.Quantity * line.UnitPrice, line.Amount * scale);
            }
            Assert.Equal(cost.Unpriced.Count == 0 ? cost.Lines.Sum(l => l.Amount) : null, cost.Total);
            // Every input and output token is charged exactly once, or named as unpriced.
            var charged = cost.Lines.Where(l => l.Per == CostCalculator.PerMillionTokens).Sum(l => l.Quantity);
            Assert.True(cost.Unpriced.Count > 0 || charged == usage.InputTokens + usage.OutputTokens,
                $"{charged} tokens charged of {usage.InputTokens} in and {usage.OutputTokens} out");
        }, iter: 2000);

    [Fact]
    public void The_prices_are_those_in_force_at_the_time_asked() =>
        Gen.Select(Pricing, Usage, Gen.Int[-100, 100], Gen.Int[1, 100]).Sample((pricing, usage, start, length) =>
        {
            var epoch = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var sheet = pricing with { EffectiveFrom = epoch.AddDays(start), EffectiveUntil = epoch.AddDays(start + length) };
            var now = CostCalculator.Calculate("p", "m", sheet, usage, epoch);
            var inForce = start <= 0 && start + length > 0;
            if (inForce)
            {
                Assert.Equal(CostCalculator.Calculate("p", "m", pricing, usage).Total, now.Total);
            }
            else if (usage.InputTokens > 0 || usage.OutputTokens > 0 || usage.Requests > 0)
            {
                Assert.Null(now.Total);
                Assert.NotEmpty(now.Unpriced);
            }
        }, iter: 1000);

    /// <summary>
    /// A price the catalog can hold (0 to 1,000,000) with up to 18 digits and 18 decimal places: the fast
    /// decimal path and the exact integer path both in play.
    /// </summary>
    private static readonly Gen<decimal> ManyDigitPrice =
        Gen.Int[0, 18].SelectMany(scale => Gen.Long[0, (long)Math.Min(999_999_999_999_999_999m, 1_000_000m * Pow10(scale))]
            .Select(mantissa => new decimal(mantissa) / Pow10(scale)));

    [Fact]
    public void Every_amount_is_the_exact_product_unless_a_note_says_it_was_rounded() =>
        Gen.Select(ManyDigitPrice, ManyDigitPrice, Gen.Long[0, CostCalculator.MaxCount], Gen.Long[0, 1_000_000]).Sample((input, request, tokens, requests) =>
        {
            var pricing = new ModelPricing { Tokens = new TokenPrices { Input = input }, Operations = new OperationPrices { Request = request } };
            var cost = CostCalculator.Calculate("p", "m", pricing, new CallUsage { InputTokens = tokens, Requests = requests });
            foreach (var line in cost.Lines)
            {
                if (cost.Notes.Any(n => n.StartsWith(line.Component + ": the exact amount", StringComparison.Ordinal)))
                {
                    continue;
                }
                // amount = quantity x price / 10^shift, compared as integers: no decimal rounding on either side.
                var shift = line.Per == CostCalculator.PerMillionTokens ? 6 : 0;
                var (amount, amountScale) = Parts(line.Amount);
                var (price, priceScale) = Parts(line.UnitPrice);
                Assert.Equal(amount * System.Numerics.BigInteger.Pow(10, priceScale + shift), line.Quantity * price * System.Numerics.BigInteger.Pow(10, amountScale));
            }
            if (!cost.Notes.Any(n => n.StartsWith("the exact total", StringComparison.Ordinal)))
            {
                var scale = cost.Lines.Select(l => l.Amount.Scale).Append(cost.Total!.Value.Scale).Max();
                var sum = cost.Lines.Aggregate(System.Numerics.BigInteger.Zero, (acc, l) => acc + Scaled(l.Amount, scale));
                Assert.Equal(sum, Scaled(cost.Total.Value, scale));
            }
        }, iter: 3000);

    private static decimal Pow10(int power)
    {
        var value = 1m;
        for (var i = 0; i < power; i++)
        {
            value *= 10;
        }
        return value;
    }

    private static (System.Numerics.BigInteger Mantissa, int Scale) Parts(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = ((System.Numerics.BigInteger)(uint)bits[2] << 64) | ((System.Numerics.BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (value < 0 ? -mantissa : mantissa, value.Scale);
    }

    private static System.Numerics.BigInteger Scaled(decimal value, int scale)
    {
        var (mantissa, own) = Parts(value);
        return mantissa * System.Numerics.BigInteger.Pow(10, scale - own);
    }
}
