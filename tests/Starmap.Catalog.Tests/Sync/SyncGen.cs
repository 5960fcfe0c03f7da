using CsCheck;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>One reconcile input: a baseline, known definitions, observations and the time.</summary>
internal sealed record SyncCase(ProviderDetails? Baseline, ModelDefinition[] Known, SourceObservation[] Observations, DateTimeOffset Now);

/// <summary>
/// Random reconcile inputs over small pools, so sources often state the same model and field, values
/// are often unknown, empty, false or 0, and observations tie on source and time.
/// </summary>
internal static class SyncGen
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] ModelIds = ["a", "b", "c@2024", "meta/d"];
    private static readonly string[] Authors = ["openai", "meta", "azure"];
    private static readonly string[] Sources = [SourceIds.ProviderApi, SourceIds.ModelsDev, SourceIds.Local];
    private static readonly Feature[] Features = [Feature.ToolCalls, Feature.Reasoning, Feature.Streaming];
    private static readonly Modality[] Modalities = [Modality.Text, Modality.Image];
    private static readonly string[] ProvenancePaths = ["availability", "features.flags.tool_calls", "limits.context_window", "name", "pricing"];

    private static Gen<T[]> Subset<T>(T[] pool) =>
        Gen.Bool.Array[pool.Length].Select(mask => pool.Where((_, i) => mask[i]).ToArray());

    private static readonly Gen<decimal?> Price = Gen.OneOfConst<decimal?>(null, null, 0m, 1m, 2.5m);
    private static readonly Gen<long?> Tokens = Gen.OneOfConst<long?>(null, null, 0, 8_000, 128_000);
    private static readonly Gen<bool?> Tristate = Gen.OneOfConst<bool?>(null, true, false);
    private static readonly Gen<DateOnly?> Date = Gen.OneOfConst<DateOnly?>(null, null, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1));

    private static readonly Gen<ModelPricing?> Pricing =
        from present in Gen.Int[0, 2]
        from input in Price
        from output in Price
        from cache in Price
        from until in Gen.OneOfConst<DateTimeOffset?>(null, null, null, T0.AddYears(-1), T0.AddYears(1))
        from empty in Gen.Int[0, 5]
        select present == 0 ? null
            : empty == 0 ? new ModelPricing { Tokens = new TokenPrices() }
            : new ModelPricing { Tokens = new TokenPrices { Input = input, Output = output, CacheRead = cache }, EffectiveUntil = until };

    private static readonly Gen<ModelLimits?> Limits =
        Gen.Select(Tokens, Tokens, Tokens, (context, input, output) =>
            context is null && input is null && output is null ? null : new ModelLimits { ContextWindow = context, InputTokens = input, OutputTokens = output });

    private static readonly Gen<OfferingLifecycle?> Lifecycle =
        Gen.Select(Gen.Int[0, 1], Gen.Enum<LifecycleStatus>(), Date, Date, (present, status, deprecated, retires) =>
            present == 0 ? null : new OfferingLifecycle { Status = status, DeprecatedAt = deprecated, RetiresAt = retires });

    private static readonly Gen<ModelFeatures?> ModelFeatures =
        from present in Gen.Int[0, 2]
        from flags in Tristate.Array[Features.Length]
        from input in Gen.OneOf(Gen.Const((EquatableArray<Modality>?)null), Subset(Modalities).Select(m => (EquatableArray<Modality>?)m.ToEquatableArray()))
        select present == 0 ? null : new ModelFeatures
        {
            InputModalities = input,
            Flags = FeatureFlags.From(Features.Zip(flags).Where(p => p.Second is not null).Select(p => KeyValuePair.Create(p.First, p.Second!.Value))),
        };

    private static Gen<Offering> Offering(string id) =>
        from name in Gen.OneOfConst<string?>(null, null, "", "A", "B")
        from definition in Gen.OneOfConst<string?>(null, null, "openai/x", "openai/y")
        from pricing in Pricing
        from limits in Limits
        from lifecycle in Lifecycle
        from availability in Gen.Enum<Availability>()
        from regions in Gen.OneOfConst<string[]?>(null, null, [], ["us"], ["eu", "us"])
        from authors in Subset(Authors)
        from features in ModelFeatures
        select new Offering
        {
            ProviderId = "openai",
            ModelId = id,
            Name = name,
            DefinitionId = definition,
            Pricing = pricing,
            Limits = limits,
            Lifecycle = lifecycle,
            Availability = availability,
            Regions = regions?.ToEquatableArray(),
            AuthorIds = [.. authors],
            Features = features,
        };

    private static readonly Gen<ModelDefinition> Definition =
        from id in Gen.OneOfConst("openai/x", "openai/y", "not-an-id")
        from name in Gen.OneOfConst("X", "Y", "")
        from description in Gen.OneOfConst<string?>(null, "described")
        from released in Date
        from open in Tristate
        from tags in Gen.OneOfConst<ModelTag[]?>(null, [ModelTag.Chat], [ModelTag.Coding, ModelTag.Chat])
        from authors in Subset(Authors)
        from features in ModelFeatures
        select new ModelDefinition
        {
            Id = id,
            Name = name,
            Description = description,
            AuthorIds = [.. authors],
            Metadata = released is null && open is null && tags is null ? null
                : new ModelMetadata { ReleaseDate = released, OpenWeights = open, Tags = tags?.ToEquatableArray() },
            Features = features,
        };

    private static Gen<ObservedModel> Observed(string id) =>
        from offering in Offering(id)
        from definition in Gen.Int[0, 2].SelectMany(n => n == 0 ? Definition.Select(d => (ModelDefinition?)d) : Gen.Const((ModelDefinition?)null))
        select new ObservedModel { ModelId = id, Offering = offering, Definition = definition };

    // One value per model ID, then a random subset of them.
    private static Gen<T[]> PerModel<T>(Func<string, Gen<T>> gen) =>
        Gen.Select(gen(ModelIds[0]), gen(ModelIds[1]), gen(ModelIds[2]), gen(ModelIds[3]), Gen.Bool.Array[ModelIds.Length],
            (a, b, c, d, mask) => new[] { a, b, c, d }.Where((_, i) => mask[i]).ToArray());

    private static readonly Gen<ObservedModel[]> ObservedModels = PerModel(Observed);

    private static readonly Gen<SourceObservation> Observation =
        from source in Gen.OneOfConst(Sources)
        from complete in Gen.Int[0, 2]
        from minutes in Gen.Int[0, 1]
        from models in ObservedModels
        select new SourceObservation
        {
            Source = source,
            ProviderId = "openai",
            ObservedAt = T0.AddMinutes(minutes),
            IsCompleteList = source == SourceIds.ProviderApi && complete > 0,
            Models = [.. models],
        };

    private static readonly Gen<FieldProvenance[]> Provenance =
        Gen.Select(Subset(ProvenancePaths), Gen.OneOfConst(Sources).Array[ProvenancePaths.Length], (paths, sources) =>
            paths.Select((path, i) => new FieldProvenance { Path = path, Source = sources[i], ObservedAt = T0.AddDays(-7) }).ToArray());

    private static Gen<Offering> BaselineOffering(string id) =>
        from offering in Offering(id)
        from provenance in Provenance
        from created in Gen.OneOfConst<DateTimeOffset?>(null, T0.AddDays(-30))
        select offering with { Provenance = [.. provenance], CreatedAt = created, UpdatedAt = created };

    private static readonly Gen<ProviderDetails?> Baseline =
        from present in Gen.Int[0, 4]
        from offerings in PerModel(BaselineOffering)
        select present == 0 ? null : TestData.Details(TestData.Provider("openai", "OpenAI"), offerings);

    private static readonly Gen<ModelDefinition[]> Known =
        Definition.Where(d => d.Id != "not-an-id" && d.Name.Length > 0).Array[0, 2].Select(d => d.DistinctBy(x => x.Id).ToArray());

    /// <summary>A baseline, known definitions and zero to four observations.</summary>
    public static readonly Gen<SyncCase> Case =
        from baseline in Baseline
        from known in Known
        from observations in Observation.Array[0, 4]
        from days in Gen.Int[0, 1]
        select new SyncCase(baseline, known, observations, T0.AddDays(days * 400));
}
