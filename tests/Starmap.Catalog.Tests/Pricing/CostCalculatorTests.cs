namespace Starmap.Catalog.Tests.Pricing;

/// <summary>Worked examples of the cost of a call, by the providers' rules (README, "The cost of a call").</summary>
public sealed class CostCalculatorTests
{
    /// <summary>Base 3/15 per 1M tokens; 6/22.5 above 200,000 input tokens.</summary>
    private static readonly ModelPricing LongContext = new()
    {
        Tokens = new TokenPrices { Input = 3m, Output = 15m, CacheRead = 0.3m, CacheWrite = 3.75m },
        Tiers = [new PricingTier { Name = "long-context", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 6m, Output = 22.5m, CacheRead = 0.6m } }],
    };

    private static CallCost Cost(ModelPricing? pricing, CallUsage usage, DateTimeOffset? at = null) =>
        CostCalculator.Calculate("acme", "m1", pricing, usage, at);

    [Theory]
    [InlineData(200_000, 0, "0.6")]
    [InlineData(200_001, 0, "1.200006")]
    [InlineData(300_000, 100_000, "4.05")]
    [InlineData(1, 1, "0.000018")]
    public void The_worked_examples_come_out_exactly(long input, long output, string total)
    {
        var cost = Cost(LongContext, new CallUsage { InputTokens = input, OutputTokens = output });

        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), cost.Total);
        Assert.Empty(cost.Unpriced);
        Assert.Equal("USD", cost.Currency);
    }

    [Fact]
    public void A_tier_applies_to_every_token_of_the_call_output_included_and_only_strictly_above_its_threshold()
    {
        var at = Cost(LongContext, new CallUsage { InputTokens = 200_000, OutputTokens = 1_000 });
        var above = Cost(LongContext, new CallUsage { InputTokens = 200_001, OutputTokens = 1_000 });

        Assert.Null(at.Tier);
        Assert.All(at.Lines, l => Assert.Null(l.Tier));
        Assert.Equal(15m, at.Lines.Single(l => l.Component == CostComponents.OutputTokens).UnitPrice);
        Assert.Equal("long-context", above.Tier);
        Assert.Equal((6m, "long-context"), above.Lines.Single(l => l.Component == CostComponents.InputTokens) is var i ? (i.UnitPrice, i.Tier) : default);
        Assert.Equal((22.5m, "long-context"), above.Lines.Single(l => l.Component == CostComponents.OutputTokens) is var o ? (o.UnitPrice, o.Tier) : default);
    }

    [Fact]
    public void Cache_reads_and_writes_are_part_of_the_input_and_charged_at_their_own_prices()
    {
        var cost = Cost(LongContext, new CallUsage { InputTokens = 10_000, CacheReadTokens = 6_000, CacheWriteTokens = 1_000, OutputTokens = 500 });

        Assert.Equal(
            [(CostComponents.InputTokens, 3_000L, 3m), (CostComponents.CacheReadTokens, 6_000L, 0.3m), (CostComponents.CacheWriteTokens, 1_000L, 3.75m), (CostComponents.OutputTokens, 500L, 15m)],
            cost.Lines.Select(l => (l.Component, l.Quantity, l.UnitPrice)));
        // 3,000 x 3 + 6,000 x 0.3 + 1,000 x 3.75 + 500 x 15, per million.
        Assert.Equal(0.009m + 0.0018m + 0.00375m + 0.0075m, cost.Total);
    }

    [Fact]
    public void A_price_the_usage_needs_but_nobody_knows_leaves_the_total_unknown_and_names_it()
    {
        var pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m, Output = 2m } };

        var cost = Cost(pricing, new CallUsage { InputTokens = 1_000, CacheReadTokens = 400, OutputTokens = 10 });

        Assert.Null(cost.Total);
        Assert.Equal([CostComponents.CacheReadTokens], cost.Unpriced);
        Assert.Equal([CostComponents.InputTokens, CostComponents.OutputTokens], cost.Lines.Select(l => l.Component));
        Assert.DoesNotContain(cost.Lines, l => l.Component == CostComponents.CacheReadTokens);
    }

    [Fact]
    public void A_component_the_usage_does_not_need_needs_no_price()
    {
        var pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m, Output = 2m } };

        var cost = Cost(pricing, new CallUsage { InputTokens = 1_000_000, OutputTokens = 1_000_000 });

        Assert.Equal(3m, cost.Total);
        Assert.Empty(cost.Unpriced);
    }

    [Fact]
    public void An_offering_with_no_prices_prices_nothing_but_says_what_it_would_need()
    {
        var cost = Cost(null, new CallUsage { InputTokens = 5, OutputTokens = 5, Requests = 1 });

        Assert.Null(cost.Total);
        Assert.Equal([CostComponents.InputTokens, CostComponents.OutputTokens, CostComponents.Requests], cost.Unpriced);
        Assert.Empty(cost.Lines);
    }

    [Fact]
    public void Reasoning_tokens_are_output_unless_the_offering_prices_them_apart()
    {
        var plain = Cost(new ModelPricing { Tokens = new TokenPrices { Input = 1m, Output = 4m } },
            new CallUsage { InputTokens = 0, OutputTokens = 1_000, ReasoningTokens = 600 });
        var apart = Cost(new ModelPricing { Tokens = new TokenPrices { Input = 1m, Output = 4m, Reasoning = 10m } },
            new CallUsage { InputTokens = 0, OutputTokens = 1_000, ReasoningTokens = 600 });

        Assert.Equal([(CostComponents.OutputTokens, 1_000L)], plain.Lines.Select(l => (l.Component, l.Quantity)));
        Assert.Equal(0.004m, plain.Total);
        Assert.Equal([(CostComponents.OutputTokens, 400L), (CostComponents.ReasoningTokens, 600L)], apart.Lines.Select(l => (l.Component, l.Quantity)));
        Assert.Equal(0.0016m + 0.006m, apart.Total);
    }

    [Fact]
    public void A_tier_without_a_price_for_a_component_falls_back_to_the_base_price_and_says_so()
    {
        var cost = Cost(LongContext, new CallUsage { InputTokens = 300_000, CacheWriteTokens = 100_000 });

        var write = cost.Lines.Single(l => l.Component == CostComponents.CacheWriteTokens);
        Assert.Equal((3.75m, (string?)null), (write.UnitPrice, write.Tier));
        Assert.Contains(cost.Notes, n => n.Contains("cache_write_tokens", StringComparison.Ordinal) && n.Contains("base price", StringComparison.Ordinal));
        Assert.Equal(200_000 * 6m / 1_000_000 + 100_000 * 3.75m / 1_000_000, cost.Total);
    }

    [Fact]
    public void Per_request_and_per_operation_prices_are_charged_per_unit()
    {
        var pricing = new ModelPricing
        {
            Tokens = new TokenPrices { Input = 2m, Output = 8m },
            Operations = new OperationPrices { Request = 0.002m, WebSearch = 0.01m, ImageGen = 0.04m },
        };

        var cost = Cost(pricing, new CallUsage { InputTokens = 1_000, OutputTokens = 100, Requests = 3, WebSearches = 2, GeneratedImages = 1 });

        Assert.Equal(
            [(CostComponents.Requests, 0.006m, "unit"), (CostComponents.GeneratedImages, 0.04m, "unit"), (CostComponents.WebSearches, 0.02m, "unit")],
            cost.Lines.Where(l => l.Per == "unit").Select(l => (l.Component, l.Amount, l.Per)));
        Assert.Equal(0.002m + 0.0008m + 0.006m + 0.04m + 0.02m, cost.Total);
    }

    [Fact]
    public void Prices_outside_their_effective_dates_are_not_the_prices_in_force()
    {
        var from = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var pricing = LongContext with { EffectiveFrom = from };
        var usage = new CallUsage { InputTokens = 100_000 };

        Assert.Equal(0.3m, Cost(pricing, usage, from).Total);
        var before = Cost(pricing, usage, from.AddTicks(-1));
        Assert.Null(before.Total);
        Assert.Equal([CostComponents.InputTokens], before.Unpriced);
        Assert.Contains(before.Notes, n => n.Contains("2025-06-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Amounts_and_totals_carry_no_trailing_zeros_from_the_prices_scale()
    {
        var pricing = new ModelPricing { Operations = new OperationPrices { Request = 0.0020m } };

        var cost = Cost(pricing, new CallUsage { Requests = 3 });

        Assert.Equal("0.006", cost.Lines.Single().Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.006", cost.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_amount_that_needs_more_than_28_digits_is_rounded_and_the_answer_says_so()
    {
        // 28 significant digits of price times 15 of count: the exact product has 43.
        var pricing = new ModelPricing { Operations = new OperationPrices { Request = 0.1234567890123456789012345678m } };

        var cost = Cost(pricing, new CallUsage { Requests = 999_999_999_999_999 });

        Assert.NotNull(cost.Total);
        Assert.Contains(cost.Notes, n => n.StartsWith("requests: the exact amount needs more than 28 significant digits", StringComparison.Ordinal));
        Assert.Equal(0.1234567890123456789012345678m * 999_999_999_999_999m, cost.Total);
    }

    [Fact]
    public void A_sum_exact_only_in_integers_is_still_exact()
    {
        // 1e-20 per token-million times 7 tokens is 7e-26: exact, though it shares a total with a large amount only to 28 digits.
        var pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0.00000000000000000001m, Output = 1m } };

        var cost = Cost(pricing, new CallUsage { InputTokens = 7, OutputTokens = 1 });

        Assert.Equal(0.00000000000000000000000007m, cost.Lines[0].Amount);
        Assert.Equal(0.00000100000000000000000007m, cost.Total);
        Assert.Empty(cost.Notes);
    }

    [Fact]
    public void An_amount_past_the_largest_decimal_is_refused_naming_the_count_not_thrown_as_an_overflow()
    {
        // Far above the catalog's largest price (1,000,000): only a pricing built by hand gets here.
        var pricing = new ModelPricing { Operations = new OperationPrices { Request = 100_000_000_000_000_000m } };

        var error = Assert.Throws<StarmapValidationException>(() => Cost(pricing, new CallUsage { Requests = 1_000_000_000_000 }));

        Assert.Equal(CostComponents.Requests, error.Field);
        Assert.Contains("past the largest decimal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_past_the_largest_decimal_is_refused_rather_than_thrown_as_an_overflow()
    {
        var pricing = new ModelPricing { Operations = new OperationPrices { Request = 50_000_000_000_000_000m, WebSearch = 50_000_000_000_000_000m } };

        var error = Assert.Throws<StarmapValidationException>(() => Cost(pricing, new CallUsage { Requests = 1_000_000_000_000, WebSearches = 1_000_000_000_000 }));

        Assert.Equal("usage", error.Field);
        Assert.Contains("total is past the largest decimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input_tokens", -1L, 0L, 0L, "must not be negative")]
    [InlineData("input_tokens", 10L, 8L, 0L, "must include the cache read and cache write tokens (8 + 3)")]
    [InlineData("output_tokens", 10L, 0L, 11L, "must include the reasoning tokens (11)")]
    [InlineData("input_tokens", 2_000_000_000_000_000L, 0L, 0L, "must be at most 1000000000000000")]
    public void Usage_that_cannot_be_names_the_field(string field, long input, long cacheRead, long reasoning, string reason)
    {
        var usage = new CallUsage { InputTokens = input, CacheReadTokens = cacheRead, CacheWriteTokens = cacheRead > 0 ? 3 : 0, OutputTokens = 10, ReasoningTokens = reasoning };

        var error = Assert.Throws<StarmapValidationException>(() => Cost(LongContext, usage));

        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
