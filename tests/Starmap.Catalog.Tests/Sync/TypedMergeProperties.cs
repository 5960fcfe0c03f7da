using CsCheck;
using Starmap.Catalog.Json;
using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// The reconcile takes the properties every statement repeats as the baseline holds them straight from the
/// baseline's C# values (no JSON built for them) and merges the rest as JSON fields: over random inputs it must give
/// exactly what merging every whole record as JSON fields gives (<c>Reconciler.ReconcileByJson</c>, the reference),
/// records, provenance, timestamps, quarantine notes and warnings alike, and the same JSON text.
/// </summary>
public sealed class TypedMergeProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static void AssertSameAsJsonMerge(SyncCase c)
    {
        var reference = Reconciler.ReconcileByJson(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
        var typed = Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
        Assert.Equal(StarmapJson.Serialize(reference), StarmapJson.Serialize(typed));
        Assert.Equal(reference, typed);
    }

    // A second sync of what a first one gave: most properties repeat the baseline, some are taken from another
    // random statement, some are written in another form (a price at another scale, tiers or flags out of order),
    // some carry quarantine notes, and the time moves on so price windows open and close.
    private static readonly Gen<SyncCase> Resync =
        from first in SyncGen.Case
        from other in SyncGen.Case
        from blend in Gen.Int[0, 7].Array[16]
        from later in Gen.Int[0, 2]
        select Again(first, other, blend, T0.AddDays(later * 200));

    private static SyncCase Again(SyncCase c, SyncCase other, int[] blend, DateTimeOffset now)
    {
        var first = Reconciler.ReconcileByJson(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
        var baseline = (c.Baseline ?? TestData.Details(TestData.Provider("openai", "OpenAI"))) with
        {
            Offerings = [.. first.Offerings.Select(o => Reshaped(o, ShapeOf(o.ModelId, blend)))],
        };
        var known = c.Known.Where(k => !first.Definitions.Any(d => d.Id == k.Id)).Concat(first.Definitions).ToArray();
        var donors = other.Observations.SelectMany(o => o.Models).ToList();
        var observations = c.Observations.Select((o, i) => o with
        {
            ObservedAt = o.ObservedAt.AddMinutes(blend[i % blend.Length] % 2),
            Models = [.. o.Models.Select((m, j) => Blended(m, donors, blend[(i + j) % blend.Length], ShapeOf(m.ModelId, blend)))],
        }).ToArray();
        return new SyncCase(baseline, known, observations, now);
    }

    // One reshaping per model, on both sides, so a value in another form is also repeated in that form.
    private static int ShapeOf(string modelId, int[] blend) => blend[(modelId.Length * 31 + modelId[0]) % blend.Length] % 5;

    private static Offering Reshaped(Offering offering, int how) => how switch
    {
        1 when offering.Pricing is { Tokens: { } tokens } pricing => offering with
        {
            Pricing = pricing with { Tokens = tokens with { Input = tokens.Input * 1.00m } },
        },
        2 => offering with
        {
            Pricing = (offering.Pricing ?? new ModelPricing()) with
            {
                Tiers = [new PricingTier { ContextThreshold = 1_000_000, Tokens = new TokenPrices { Input = 4m } },
                    new PricingTier { ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 3m } }],
            },
        },
        3 when offering.Features is { } features => offering with
        {
            Features = features with { Flags = new FeatureFlags { Supported = [Feature.Streaming, Feature.ToolCalls] } },
        },
        4 => offering with
        {
            Quarantine = [new QuarantineNote { Path = "limits.context_window", Value = "-1", Reason = "negative", Source = SourceIds.ModelsDev }],
        },
        _ => offering,
    };

    private static ObservedModel Blended(ObservedModel model, List<ObservedModel> donors, int how, int shape)
    {
        var donor = donors.Count == 0 ? null : donors[how % donors.Count].Offering;
        var offering = (how, donor) switch
        {
            (5, { } d) => model.Offering with { Pricing = d.Pricing, Name = d.Name },
            (6, { } d) => model.Offering with { Limits = d.Limits, Features = d.Features, Lifecycle = d.Lifecycle },
            (7, { } d) => model.Offering with { AuthorIds = d.AuthorIds, Availability = d.Availability },
            _ => model.Offering,
        };
        var definition = how == 4 && model.Definition is { } refused
            ? refused with { Quarantine = [new QuarantineNote { Path = "name", Value = "?", Reason = "not a name", Source = SourceIds.ModelsDev }] }
            : model.Definition;
        return model with { Offering = shape == 4 ? offering : Reshaped(offering, shape), Definition = definition };
    }

    [Fact]
    public void The_typed_reconcile_equals_the_whole_record_json_merge_on_random_inputs() =>
        SyncGen.Case.Sample(AssertSameAsJsonMerge, iter: 500);

    [Fact]
    public void The_typed_reconcile_equals_the_whole_record_json_merge_on_random_resyncs() =>
        Resync.Sample(AssertSameAsJsonMerge, iter: 500);

    [Fact]
    public void A_resync_keeps_the_baseline_values_every_source_repeats_and_builds_nothing_for_them()
    {
        var offering = new Offering
        {
            ProviderId = "openai",
            ModelId = "gpt-4o",
            Name = "GPT-4o",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 2.50m, Output = 10m } },
            Limits = new ModelLimits { ContextWindow = 128_000 },
            Availability = Availability.Available,
        };
        var observation = new SourceObservation
        {
            Source = SourceIds.ModelsDev,
            ProviderId = "openai",
            ObservedAt = T0,
            Models = [new ObservedModel { ModelId = "gpt-4o", Offering = offering with { Limits = new ModelLimits { ContextWindow = 128_000 } } }],
        };
        var first = Reconciler.Reconcile(TestData.Details(TestData.Provider("openai", "OpenAI")), [], [observation], AuthorityTable.Default, T0);
        var baseline = TestData.Details(TestData.Provider("openai", "OpenAI"), [.. first.Offerings]);
        var again = observation with
        {
            ObservedAt = T0.AddDays(1),
            Models = [new ObservedModel { ModelId = "gpt-4o", Offering = offering with { Name = "GPT-4o (2024-08-06)" } }],
        };

        var result = Reconciler.Reconcile(baseline, [], [again], AuthorityTable.Default, T0.AddDays(1)).Offerings.Single();

        // Repeated properties are the baseline's own instances (typed); the changed name is merged as before.
        Assert.Same(baseline.Offerings[0].Pricing, result.Pricing);
        Assert.Same(baseline.Offerings[0].Limits, result.Limits);
        Assert.Equal("GPT-4o (2024-08-06)", result.Name);
        Assert.Equal(baseline.Offerings[0].Provenance.Where(p => p.Path != "name"), result.Provenance.Where(p => p.Path != "name"));
        Assert.Equal(T0.AddDays(1), result.Provenance.Single(p => p.Path == "name").ObservedAt);
        Assert.Equal(T0.AddDays(1), result.UpdatedAt);
    }

    [Fact]
    public void A_price_repeated_at_another_scale_takes_the_sources_form_as_the_json_merge_does()
    {
        var baseline = new Offering
        {
            ProviderId = "openai",
            ModelId = "gpt-4o",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 2.5m } },
            Provenance = [new FieldProvenance { Path = "pricing.tokens.input", Source = SourceIds.ModelsDev, ObservedAt = T0 }],
        };
        var observation = new SourceObservation
        {
            Source = SourceIds.ModelsDev,
            ProviderId = "openai",
            ObservedAt = T0.AddDays(1),
            Models = [new ObservedModel { ModelId = "gpt-4o", Offering = baseline with { Provenance = [], Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 2.50m } } } }],
        };
        var c = new SyncCase(TestData.Details(TestData.Provider("openai", "OpenAI"), [baseline]), [], [observation], T0.AddDays(1));

        AssertSameAsJsonMerge(c);
        Assert.Contains("\"input\":2.50", StarmapJson.Serialize(Reconciler.Reconcile(c.Baseline, [], c.Observations, AuthorityTable.Default, c.Now).Offerings[0]), StringComparison.Ordinal);
    }
}
