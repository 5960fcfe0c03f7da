using CsCheck;

namespace Starmap.Catalog.Tests.Properties;

/// <summary>
/// Random catalogs and queries over small value pools, so filters hit and miss often, unknown
/// values are common, and sort keys tie.
/// </summary>
internal static class CatalogGen
{
    private static readonly string[] ProviderIds = ["a", "groq", "openai", "vertex"];
    private static readonly string[] AuthorIds = ["google", "meta", "openai"];
    private static readonly string[] DefinitionIds = ["meta/llama-4", "openai/gpt-4o", "google/gemini"];
    private static readonly Feature[] SomeFeatures = [Feature.Tools, Feature.Reasoning, Feature.Streaming];
    private static readonly Modality[] SomeModalities = [Modality.Text, Modality.Image, Modality.Audio];

    private static readonly Gen<string> ModelId = Gen.OneOfConst(
        "gpt-4o", "gpt-4o-mini", "meta-llama/llama-4", "llama-3@2024", "claude-3-5-sonnet@20241022", "Mixtral-8x7B", "a/b/c", "x");

    private static readonly Gen<string?> Name = Gen.OneOfConst<string?>(null, null, "Alpha", "beta", "GPT-4o", "llama 4 Scout", "alpha");
    private static readonly Gen<decimal?> Price = Gen.OneOfConst<decimal?>(null, 0m, 0.1m, 1m, 2.5m, 10m);
    private static readonly Gen<long?> Context = Gen.OneOfConst<long?>(null, 8_000, 128_000, 200_000);
    private static readonly Gen<DateOnly?> Date = Gen.OneOfConst<DateOnly?>(null, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1), new DateOnly(2025, 1, 1));
    private static readonly Gen<bool?> Tristate = Gen.OneOfConst<bool?>(null, true, false);

    private static readonly Gen<LifecycleStatus?> Status = Gen.OneOfConst<LifecycleStatus?>(
        null, LifecycleStatus.Unknown, LifecycleStatus.Active, LifecycleStatus.Preview, LifecycleStatus.Deprecated);

    private static Gen<T[]> Subset<T>(T[] pool) =>
        Gen.Bool.Array[pool.Length].Select(mask => pool.Where((_, i) => mask[i]).ToArray());

    private static Gen<EquatableArray<T>?> MaybeSubset<T>(T[] pool) =>
        Gen.Select(Gen.Int[0, 2], Subset(pool), (n, items) => n == 0 ? (EquatableArray<T>?)null : items.ToEquatableArray());

    private static readonly Gen<FeatureFlags> Flags = Tristate.Array[SomeFeatures.Length].Select(values =>
        FeatureFlags.From(SomeFeatures.Zip(values).Where(p => p.Second is not null).Select(p => KeyValuePair.Create(p.First, p.Second!.Value))));

    private static readonly Gen<ModelFeatures?> Features =
        Gen.Select(MaybeSubset(SomeModalities), MaybeSubset(SomeModalities), Flags, Gen.Int[0, 2],
            (input, output, flags, n) => n == 0 ? null : new ModelFeatures { InputModalities = input, OutputModalities = output, Flags = flags });

    private static Gen<ModelDefinition?> Definition(string id) =>
        from present in Gen.Int[0, 3]
        from name in Gen.OneOfConst("Llama 4", "GPT-4o", "gemini", "Beta")
        from released in Date
        from open in Tristate
        from features in Features
        from authors in Subset(AuthorIds)
        select present == 0 ? null : new ModelDefinition
        {
            Id = id,
            Name = name,
            AuthorIds = [.. authors],
            Metadata = released is null && open is null ? null : new ModelMetadata { ReleaseDate = released, OpenWeights = open },
            Features = features,
        };

    private static readonly Gen<Offering> Offering =
        from provider in Gen.OneOfConst(ProviderIds)
        from modelId in ModelId
        from definitionId in Gen.OneOfConst<string?>([null, .. DefinitionIds])
        from name in Name
        from prices in Gen.Select(Price, Price)
        from context in Context
        from status in Status
        from features in Features
        from authors in Subset(AuthorIds)
        from released in Date
        from open in Tristate
        from family in Gen.OneOfConst<string?>(null, null, "gpt", "llama", "Claude")
        select new Offering
        {
            ProviderId = provider,
            ModelId = modelId,
            DefinitionId = definitionId,
            Name = name,
            Pricing = prices is (null, null) ? null : TestData.Price(prices.Item1, prices.Item2),
            Limits = context is null ? null : new ModelLimits { ContextWindow = context },
            Lifecycle = status is null ? null : new OfferingLifecycle { Status = status.Value },
            Features = features,
            AuthorIds = [.. authors],
            // The offering's own facts: served where no linked definition knows them.
            Metadata = released is null && open is null ? null : new ModelMetadata { ReleaseDate = released, OpenWeights = open },
            Lineage = family is null ? null : new ModelLineage { Family = family },
        };

    /// <summary>Up to 30 offerings with unique keys, joined with up to three definitions.</summary>
    public static readonly Gen<CatalogModel[]> Models =
        from definitions in Gen.Select(Definition(DefinitionIds[0]), Definition(DefinitionIds[1]), Definition(DefinitionIds[2]))
        from offerings in Offering.Array[0, 30]
        select Join([definitions.Item1, definitions.Item2, definitions.Item3], offerings);

    private static CatalogModel[] Join(ModelDefinition?[] definitions, Offering[] offerings)
    {
        var byId = definitions.OfType<ModelDefinition>().ToDictionary(d => d.Id);
        return offerings
            .DistinctBy(o => o.Key)
            .Select(o =>
            {
                var definition = o.DefinitionId is null ? null : byId.GetValueOrDefault(o.DefinitionId);
                return new CatalogModel
                {
                    Offering = o,
                    Definition = definition,
                    AuthorIds = o.AuthorIds.Concat(definition?.AuthorIds ?? []).Distinct().Order(StringComparer.Ordinal).ToEquatableArray(),
                };
            })
            .ToArray();
    }

    /// <summary>Each filter is on about one time in six, so a query usually combines one to three.</summary>
    private static Gen<T> Sometimes<T>(Gen<T> gen, T off) => Gen.Select(Gen.Int[0, 5], gen, (n, value) => n == 0 ? value : off);

    private static readonly Gen<(long? Min, long? Max)> ContextRange =
        Gen.Select(Context, Context, (a, b) => a > b ? (b, a) : (a, b));

    private static readonly Gen<(DateOnly? After, DateOnly? Before)> ReleaseRange =
        Gen.Select(Date, Date, (a, b) => a > b ? (b, a) : (a, b));

    private static readonly Gen<(Feature[] With, Feature[] Without)> FeatureFilters =
        Gen.Select(Subset(SomeFeatures), Subset(SomeFeatures), (with, without) => (with, without.Except(with).ToArray()));

    /// <summary>Valid queries: bounds ordered, features and without_features disjoint.</summary>
    public static readonly Gen<ModelQuery> Query =
        from providers in Sometimes(Subset(ProviderIds), [])
        from authors in Sometimes(Subset(AuthorIds), [])
        from id in Sometimes(Gen.OneOfConst<string?>("*", "gpt*", "*llama*", "meta-llama/*", "?pt-4o", "GPT-4O", "openai/*", "*/*", "*4*", "x"), null)
        from name in Sometimes(Gen.OneOfConst<string?>("*", "alpha", "*a*", "GPT-4?", "llama*", "meta-llama/llama-4"), null)
        from contains in Sometimes(Gen.OneOfConst<string?>("a", "LLAMA", "", "-", "@"), null)
        from input in Sometimes(Subset(SomeModalities), [])
        from output in Sometimes(Subset(SomeModalities), [])
        from features in Sometimes(FeatureFilters, ([], []))
        from context in Sometimes(ContextRange, (null, null))
        from inputPrice in Sometimes(Price, null)
        from outputPrice in Sometimes(Price, null)
        from released in Sometimes(ReleaseRange, (null, null))
        from statuses in Sometimes(Subset(Enum.GetValues<LifecycleStatus>()), [])
        from open in Sometimes(Tristate, null)
        from families in Sometimes(Subset(["gpt", "LLAMA", "claude"]), [])
        from sort in Gen.Enum<ModelSort>()
        from order in Gen.Enum<SortOrder>()
        from offset in Gen.OneOfConst(0, 0, 0, 1, 3, 10)
        from limit in Gen.OneOfConst<int?>(null, 1, 2, 5, 1000)
        select new ModelQuery
        {
            Providers = [.. providers],
            Authors = [.. authors],
            Id = id,
            Name = name,
            NameContains = contains,
            InputModalities = [.. input],
            OutputModalities = [.. output],
            Features = [.. features.With],
            WithoutFeatures = [.. features.Without],
            MinContext = context.Min,
            MaxContext = context.Max,
            MaxInputPrice = inputPrice,
            MaxOutputPrice = outputPrice,
            ReleasedAfter = released.After,
            ReleasedBefore = released.Before,
            Statuses = [.. statuses],
            OpenWeights = open,
            Families = [.. families],
            Sort = sort,
            Order = order,
            Offset = offset,
            Limit = limit,
        };
}
