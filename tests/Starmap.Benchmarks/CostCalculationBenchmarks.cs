using BenchmarkDotNet.Attributes;

namespace Starmap.Benchmarks;

/// <summary>
/// The cost of a call, in process (what <c>catalog.Prices</c> does after its read, and what each row of
/// <c>POST /api/v1/cost/batch</c> or Measure-StarmapCost costs the silo): a plain call below the context tier,
/// a call across it with cache reads and a request price, and a call with an unknown price.
/// </summary>
[MemoryDiagnoser]
public class CostCalculationBenchmarks
{
    private readonly ModelPricing _pricing = new()
    {
        Tokens = new TokenPrices { Input = 3m, Output = 15m, CacheRead = 0.3m, CacheWrite = 3.75m },
        Operations = new OperationPrices { Request = 0.002m },
        Tiers = [new PricingTier { Name = "long-context", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 6m, Output = 22.5m, CacheRead = 0.6m } }],
    };

    private readonly CallUsage _plain = new() { InputTokens = 12_000, OutputTokens = 800 };
    private readonly CallUsage _acrossTier = new() { InputTokens = 250_000, CacheReadTokens = 50_000, OutputTokens = 10_000, Requests = 1 };
    private readonly CallUsage _needsUnknownPrice = new() { InputTokens = 1_000, OutputTokens = 10, InputImages = 2 };

    [Benchmark(Baseline = true)]
    public decimal? BelowTheTier() => CostCalculator.Calculate("p", "m", _pricing, _plain).Total;

    [Benchmark]
    public decimal? AcrossTheTierWithCacheAndRequest() => CostCalculator.Calculate("p", "m", _pricing, _acrossTier).Total;

    [Benchmark]
    public int WithAnUnknownPrice() => CostCalculator.Calculate("p", "m", _pricing, _needsUnknownPrice).Unpriced.Count;
}
