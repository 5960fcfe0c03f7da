using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Field merging: unknown versus false and 0, listed versus unlisted sources, atomic prices, empties.</summary>
public sealed class ReconcilerFieldTests
{
    private static ReconcileResult Run(ProviderDetails? baseline, params SourceObservation[] observations) =>
        Reconciler.Reconcile(baseline, [], observations, AuthorityTable.Default, Now);

    private static ReconcileResult Run(AuthorityTable table, ProviderDetails? baseline, params SourceObservation[] observations) =>
        Reconciler.Reconcile(baseline, [], observations, table, Now);

    [Fact]
    public void Unknown_never_overwrites_known()
    {
        var before = Offering("gpt-4o") with
        {
            Name = "GPT-4o",
            Limits = new ModelLimits { ContextWindow = 128_000 },
            Features = Flag(Feature.ToolCalls, true),
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active },
            Availability = Availability.Available,
        };
        // Every source lists the model and states nothing (null fields, unknown enums, no flags).
        var silent = Model("gpt-4o", o => o with { Lifecycle = new OfferingLifecycle(), Features = new ModelFeatures() });
        var after = Run(Baseline(before), Api(silent), Dev(silent), Local(silent)).Single("gpt-4o");
        Assert.Equal(before with { Provenance = after.Provenance }, after);
        Assert.Empty(Differ.Compare(before, after));
    }

    [Fact]
    public void A_listed_sources_false_and_zero_replace_known_values()
    {
        var before = Offering("gpt-4o") with { Features = Flag(Feature.ToolCalls, true), Pricing = Price(5m, 15m) };
        var after = Run(Baseline(before), Api(Model("gpt-4o", o => o with { Features = Flag(Feature.ToolCalls, false), Pricing = Price(0m, 0m) })))
            .Single("gpt-4o");
        Assert.False(after.Features!.Flags[Feature.ToolCalls]);
        Assert.Equal(0m, after.Pricing!.Tokens!.Input);
        Assert.Equal(0m, after.Pricing.Tokens.Output);
    }

    [Fact]
    public void An_unlisted_source_never_sets_a_field_not_even_an_unknown_one()
    {
        var table = new AuthorityTable(
        [
            new AuthorityRule { Entity = AuthorityEntity.Offering, Path = "features.flags.*", Sources = [SourceIds.ProviderApi], Rationale = "test" },
        ]);
        var before = Offering("gpt-4o") with { Features = Flag(Feature.ToolCalls, true) };
        var dev = Dev(Model("gpt-4o", o => o with { Features = TestData.Flags((Feature.ToolCalls, false), (Feature.Reasoning, false)) }));
        var after = Run(table, Baseline(before), dev).Single("gpt-4o");
        Assert.True(after.Features!.Flags[Feature.ToolCalls]);
        Assert.Null(after.Features.Flags[Feature.Reasoning]);
        Assert.Empty(after.Provenance);
    }

    [Fact]
    public void Fill_missing_lets_false_fill_an_unknown_but_never_replace_a_known_value()
    {
        var table = new AuthorityTable(
        [
            new AuthorityRule
            {
                Entity = AuthorityEntity.Offering, Path = "features.flags.*", Sources = [SourceIds.ProviderApi],
                Mode = MergeMode.FillMissing, Rationale = "test",
            },
        ]);
        var before = Offering("gpt-4o") with { Features = Flag(Feature.ToolCalls, true) };
        var api = Api(Model("gpt-4o", o => o with { Features = TestData.Flags((Feature.ToolCalls, false), (Feature.Reasoning, false)) }));
        var after = Run(table, Baseline(before), api).Single("gpt-4o");
        Assert.True(after.Features!.Flags[Feature.ToolCalls]);
        Assert.False(after.Features.Flags[Feature.Reasoning]);
        Assert.Equal("provider-api", after.SourceOf("features.flags.reasoning"));
    }

    [Fact]
    public void Each_price_component_comes_from_the_highest_source_that_states_it()
    {
        var before = Offering("gpt-4o") with { Pricing = Price(5m, 15m, cacheRead: 2.5m) };
        // The API states only an input price, models.dev input and output; nobody states a cache-read price.
        var after = Run(Baseline(before),
                Api(Model("gpt-4o", o => o with { Pricing = Price(0.5m) })),
                Dev(Model("gpt-4o", o => o with { Pricing = Price(2m, 8m) })))
            .Single("gpt-4o");
        Assert.Equal(Price(0.5m, 8m, cacheRead: 2.5m), after.Pricing);
        Assert.Equal("provider-api", after.SourceOf("pricing.tokens.input"));
        Assert.Equal("models.dev", after.SourceOf("pricing.tokens.output"));
        Assert.Null(after.SourceOf("pricing.tokens.cache_read")); // the baseline's, untouched
    }

    [Fact]
    public void A_price_without_any_price_in_it_is_not_a_statement()
    {
        var empty = new ModelPricing { Tokens = new TokenPrices(), Operations = new OperationPrices() };
        var after = Run(null,
                Api(Model("gpt-4o", o => o with { Pricing = empty })),
                Dev(Model("gpt-4o", o => o with { Pricing = Price(2m, 8m) })))
            .Single("gpt-4o");
        Assert.Equal(Price(2m, 8m), after.Pricing);
    }

    [Fact]
    public void A_price_outside_its_effective_window_is_skipped_with_a_warning()
    {
        var expired = Price(1m, 2m) with { EffectiveUntil = Now.AddDays(-1) };
        var result = Run(null,
            Api(Model("gpt-4o", o => o with { Pricing = expired })),
            Dev(Model("gpt-4o", o => o with { Pricing = Price(2m, 8m) })));
        Assert.Equal(Price(2m, 8m), result.Single("gpt-4o").Pricing);
        Assert.Contains(result.Warnings, w => w.Contains("provider-api pricing skipped: effective_until"));
    }

    [Fact]
    public void A_value_from_a_higher_source_that_took_no_part_is_kept()
    {
        var before = Offering("gpt-4o") with
        {
            Pricing = Price(1m, 2m),
            Provenance = [new FieldProvenance { Path = "pricing", Source = SourceIds.ProviderApi, ObservedAt = Earlier }],
        };
        var dev = Dev(Model("gpt-4o", o => o with { Pricing = Price(3m, 4m) }));

        // A models.dev-only sync leaves the provider's price alone...
        var devOnly = Run(Baseline(before), dev).Single("gpt-4o");
        Assert.Equal(Price(1m, 2m), devOnly.Pricing);
        Assert.Equal(before, devOnly);

        // ...but when the provider took part and no longer states a price, models.dev's replaces it.
        var both = Run(Baseline(before), Api(Model("gpt-4o")), dev).Single("gpt-4o");
        Assert.Equal(Price(3m, 4m), both.Pricing);
        Assert.Equal("models.dev", both.SourceOf("pricing.tokens.input"));
        Assert.Equal("models.dev", both.SourceOf("pricing.tokens.output"));
    }

    [Fact]
    public void Empty_text_and_lists_are_unknown_unless_the_rule_says_they_are_values()
    {
        var before = Offering("gpt-4o") with { Name = "GPT-4o", Regions = ["us"] };
        var local = Local(Model("gpt-4o", o => o with { Name = "", Regions = [] }));
        var byDefault = Run(Baseline(before), local).Single("gpt-4o");
        Assert.Equal("GPT-4o", byDefault.Name);
        Assert.Equal(["us"], byDefault.Regions!.Value);

        var table = new AuthorityTable(
        [
            new AuthorityRule
            {
                Entity = AuthorityEntity.Offering, Path = "regions", Sources = [SourceIds.Local],
                Empty = EmptyHandling.EmptyIsValue, Rationale = "test",
            },
        ]);
        var asValue = Run(table, Baseline(before), local).Single("gpt-4o");
        Assert.Empty(asValue.Regions!.Value);
        Assert.Equal("GPT-4o", asValue.Name); // no rule for name: nobody sets it
    }

    [Fact]
    public void A_value_confirmed_by_its_own_source_keeps_its_provenance()
    {
        var before = Offering("gpt-4o") with
        {
            Limits = new ModelLimits { ContextWindow = 128_000 },
            Provenance = [new FieldProvenance { Path = "limits.context_window", Source = SourceIds.ModelsDev, ObservedAt = Earlier }],
        };
        var dev = Dev(Model("gpt-4o", o => o with { Limits = new ModelLimits { ContextWindow = 128_000 } }));
        var confirmed = Run(Baseline(before), dev).Single("gpt-4o");
        Assert.Equal(before, confirmed);

        // The same value from a higher source moves the provenance, but is no content change.
        var api = Api(Model("gpt-4o", o => o with { Availability = Availability.Available, Limits = new ModelLimits { ContextWindow = 128_000 } }));
        var claimed = Run(Baseline(before with { Availability = Availability.Available }), api, dev).Single("gpt-4o");
        Assert.Equal("provider-api", claimed.SourceOf("limits.context_window"));
        Assert.Null(claimed.UpdatedAt);
    }

    [Fact]
    public void Unknown_enum_members_never_win_over_a_lower_source()
    {
        var after = Run(null,
                Api(Model("gpt-4o", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Unknown } })),
                Dev(Model("gpt-4o", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Preview } })))
            .Single("gpt-4o");
        Assert.Equal(LifecycleStatus.Preview, after.Lifecycle!.Status);
        Assert.Equal("models.dev", after.SourceOf("lifecycle.status"));
    }

    [Fact]
    public void Timestamps_created_is_kept_and_updated_moves_only_with_content()
    {
        var before = Offering("gpt-4o") with { Name = "GPT-4o", Availability = Availability.Available, CreatedAt = Earlier, UpdatedAt = Earlier };
        var same = Run(Baseline(before), Api(Model("gpt-4o"))).Single("gpt-4o");
        Assert.Equal(before with { Provenance = same.Provenance }, same); // the API now vouches for availability
        Assert.Equal("provider-api", same.SourceOf("availability"));

        var renamed = Run(Baseline(before), Local(Model("gpt-4o", o => o with { Name = "GPT-4o Omni" }))).Single("gpt-4o");
        Assert.Equal((Earlier, Now), (renamed.CreatedAt!.Value, renamed.UpdatedAt!.Value));

        var added = Run(Baseline(before), Api(Model("gpt-4o"), Model("gpt-5"))).Single("gpt-5");
        Assert.Equal((Now, Now), (added.CreatedAt!.Value, added.UpdatedAt!.Value));
        Assert.Equal("openai", added.ProviderId);
    }

    [Fact]
    public void Observations_of_another_provider_are_ignored_with_a_warning()
    {
        var other = Api(Model("claude")) with { ProviderId = "anthropic" };
        var result = Run(Baseline(Offering("gpt-4o")), other);
        Assert.Equal(["gpt-4o"], result.Offerings.Select(o => o.ModelId));
        Assert.Contains(result.Warnings, w => w.Contains("anthropic"));
    }
}
