using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Builders for sync tests: observations state only what a test is about.</summary>
internal static class SyncData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Earlier = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SourceObservation Observe(string source, bool complete, params ObservedModel[] models) =>
        new()
        {
            Source = source,
            ProviderId = "openai",
            ObservedAt = source switch
            {
                SourceIds.ProviderApi => Now.AddMinutes(-3),
                SourceIds.ModelsDev => Now.AddMinutes(-2),
                _ => Now.AddMinutes(-1),
            },
            IsCompleteList = complete,
            Models = [.. models.OrderBy(m => m.ModelId, StringComparer.Ordinal)],
        };

    public static SourceObservation Api(params ObservedModel[] models) => Observe(SourceIds.ProviderApi, complete: true, models);

    public static SourceObservation Dev(params ObservedModel[] models) => Observe(SourceIds.ModelsDev, complete: false, models);

    public static SourceObservation Local(params ObservedModel[] models) => Observe(SourceIds.Local, complete: false, models);

    public static ObservedModel Model(string id, Func<Offering, Offering>? with = null, ModelDefinition? definition = null) =>
        new() { ModelId = id, Offering = (with ?? (o => o))(Offering(id)), Definition = definition };

    public static Offering Offering(string id) => new() { ProviderId = "openai", ModelId = id };

    public static ProviderDetails Baseline(params Offering[] offerings) =>
        TestData.Details(TestData.Provider("openai", "OpenAI"), offerings);

    public static ModelPricing Price(decimal? input, decimal? output = null, decimal? cacheRead = null) =>
        new() { Tokens = new TokenPrices { Input = input, Output = output, CacheRead = cacheRead } };

    public static ModelFeatures Flag(Feature feature, bool value) => TestData.Flags((feature, value));

    public static Offering Single(this ReconcileResult result, string id) =>
        result.Offerings.Single(o => o.ModelId == id);

    public static string? SourceOf(this Offering offering, string path) =>
        offering.Provenance.SingleOrDefault(p => p.Path == path)?.Source;
}
