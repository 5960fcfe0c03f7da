using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// Unknown never overwrites known, price component by price component: a token price, a tier (keyed by
/// its context threshold) or an operation price the winning source omits is kept with its own provenance,
/// and a component that does become unknown (by an edit) is named in the changeset.
/// </summary>
public sealed class ReconcilerPriceComponentTests
{
    private static readonly PricingTier LongContext = new()
    {
        Name = "long-context",
        ContextThreshold = 200_000,
        Tokens = new TokenPrices { Input = 2.5m, Output = 15m, CacheRead = 0.25m },
    };

    private static ReconcileResult Sync(Offering before, params SourceObservation[] observations) =>
        Reconciler.Reconcile(Baseline(before), [], observations, AuthorityTable.Default, Now);

    [Fact]
    public void A_models_dev_sync_keeps_the_long_context_tier_of_gemini_2_5_pro_it_does_not_state()
    {
        // The regression: the baseline's tier (context > 200000) vanished when models.dev stated base prices only.
        var before = Offering("gemini-2.5-pro") with { Pricing = Price(1.25m, 10m, cacheRead: 0.125m) with { Tiers = [LongContext] } };
        var after = Sync(before, Dev(Model("gemini-2.5-pro", o => o with { Pricing = Price(1.25m, 10m, cacheRead: 0.125m) }))).Single("gemini-2.5-pro");

        Assert.Equal([LongContext], after.Pricing!.Tiers);
        Assert.Equal(before.Pricing, after.Pricing);
        Assert.Empty(Differ.Compare(before, after));
    }

    [Fact]
    public void A_models_dev_sync_keeps_the_cache_read_price_of_groq_gpt_oss_120b_it_does_not_state()
    {
        var before = Offering("openai/gpt-oss-120b") with { Pricing = Price(0.15m, 0.6m, cacheRead: 0.075m) };
        var after = Sync(before, Dev(Model("openai/gpt-oss-120b", o => o with { Pricing = Price(0.15m, 0.75m) }))).Single("openai/gpt-oss-120b");

        Assert.Equal(Price(0.15m, 0.75m, cacheRead: 0.075m), after.Pricing);
        Assert.Equal("models.dev", after.SourceOf("pricing.tokens.output"));
        Assert.Null(after.SourceOf("pricing.tokens.cache_read"));   // the baseline's value, untouched
        var change = Assert.Single(Differ.Compare(before, after));
        Assert.Equal("pricing.tokens.output", change.Path);
        Assert.Equal("models.dev", change.Source);
    }

    [Fact]
    public void Tiers_merge_by_threshold_and_price_by_price_with_their_own_provenance()
    {
        var before = Offering("gemini-2.5-pro") with { Pricing = Price(1.25m, 10m) with { Tiers = [LongContext] } };
        var devTier = new PricingTier { ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 3m, Output = 16m } };
        var apiTier = new PricingTier { ContextThreshold = 1_000_000, Tokens = new TokenPrices { Input = 5m } };
        var after = Sync(before,
                Api(Model("gemini-2.5-pro", o => o with { Pricing = new ModelPricing { Tiers = [apiTier] } })),
                Dev(Model("gemini-2.5-pro", o => o with { Pricing = Price(1.5m) with { Tiers = [devTier] } })))
            .Single("gemini-2.5-pro");

        Assert.Equal(Price(1.5m, 10m) with
        {
            Tiers =
            [
                LongContext with { Tokens = new TokenPrices { Input = 3m, Output = 16m, CacheRead = 0.25m } },
                apiTier,
            ],
        }, after.Pricing);
        Assert.Equal("models.dev", after.SourceOf("pricing.tiers[200000].tokens.input"));
        Assert.Null(after.SourceOf("pricing.tiers[200000].tokens.cache_read"));
        Assert.Equal("provider-api", after.SourceOf("pricing.tiers[1000000].tokens.input"));
        Assert.Equal("models.dev", after.SourceOf("pricing.tokens.input"));
    }

    [Fact]
    public void Operation_prices_merge_one_by_one()
    {
        var before = Offering("gpt-4o") with { Pricing = new ModelPricing { Operations = new OperationPrices { Request = 0.01m, WebSearch = 10m } } };
        var after = Sync(before, Api(Model("gpt-4o", o => o with { Pricing = new ModelPricing { Operations = new OperationPrices { WebSearch = 25m } } })))
            .Single("gpt-4o");

        Assert.Equal(new OperationPrices { Request = 0.01m, WebSearch = 25m }, after.Pricing!.Operations);
        Assert.Equal("provider-api", after.SourceOf("pricing.operations.web_search"));
    }

    [Fact]
    public void A_component_that_becomes_unknown_is_named_in_the_changeset()
    {
        var before = Offering("gemini-2.5-pro") with { Pricing = Price(1.25m, 10m, cacheRead: 0.125m) with { Tiers = [LongContext] } };
        var edited = before with { Pricing = Price(1.25m, 10m) with { Tiers = [LongContext with { Tokens = LongContext.Tokens! with { CacheRead = null } }] } };

        var changes = Differ.Compare(before, edited);

        Assert.Equal(["pricing.tiers[200000].tokens.cache_read", "pricing.tokens.cache_read"], changes.Select(c => c.Path));
        Assert.All(changes, c => Assert.Null(c.New));
        Assert.Equal(["0.25", "0.125"], changes.Select(c => c.Old));
    }

    [Fact]
    public void A_whole_price_record_from_before_still_speaks_for_each_component()
    {
        // Provenance written when prices merged whole: "pricing" from the provider API, which is absent now.
        var before = Offering("gpt-4o") with
        {
            Pricing = Price(1m, 2m),
            Provenance = [new FieldProvenance { Path = "pricing", Source = SourceIds.ProviderApi, ObservedAt = Earlier }],
        };
        var after = Sync(before, Dev(Model("gpt-4o", o => o with { Pricing = Price(3m, 4m, cacheRead: 0.5m) }))).Single("gpt-4o");

        // The API's prices stay; models.dev fills only the cache-read price nobody knew.
        Assert.Equal(Price(1m, 2m, cacheRead: 0.5m), after.Pricing);
        Assert.Equal("models.dev", after.SourceOf("pricing.tokens.cache_read"));
        Assert.Equal("provider-api", after.SourceOf("pricing"));
    }

    [Fact]
    public void A_price_list_not_yet_in_effect_lends_none_of_its_components()
    {
        var before = Offering("gpt-4o") with { Pricing = Price(1m) };
        var future = Price(9m, 9m, cacheRead: 9m) with { EffectiveFrom = Now.AddDays(1) };
        var result = Sync(before, Api(Model("gpt-4o", o => o with { Pricing = future })));

        Assert.Equal(Price(1m), result.Single("gpt-4o").Pricing);
        Assert.Contains(result.Warnings, w => w.Contains("provider-api pricing skipped: effective_from", StringComparison.Ordinal));
    }
}
