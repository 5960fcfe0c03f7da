using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests;

/// <summary>Small builders so tests state only the facts they are about.</summary>
internal static class TestData
{
    public static Provider Provider(string id, string? name = null) => new() { Id = id, Name = name ?? id };

    public static Author Author(string id, params AttributionRule[] rules) =>
        new() { Id = id, Name = id, Attribution = [.. rules] };

    public static Offering Offering(string providerId, string modelId, string? definitionId = null) =>
        new() { ProviderId = providerId, ModelId = modelId, DefinitionId = definitionId };

    public static ModelDefinition Definition(string id, string? name = null) => new() { Id = id, Name = name ?? id };

    public static CatalogModel Model(Offering offering, ModelDefinition? definition = null, params string[] authors) =>
        new() { Offering = offering, Definition = definition, AuthorIds = [.. authors] };

    public static ModelPricing Price(decimal? input, decimal? output = null) =>
        new() { Tokens = new TokenPrices { Input = input, Output = output } };

    public static ModelFeatures Flags(params (Feature Feature, bool Value)[] flags) =>
        new() { Flags = FeatureFlags.From(flags.Select(f => KeyValuePair.Create(f.Feature, f.Value))) };

    public static ProviderDetails Details(Provider provider, params Offering[] offerings) =>
        new() { Provider = provider, Offerings = [.. offerings.OrderBy(o => o.ModelId, StringComparer.Ordinal)] };

    public static AuthorDetails Details(Author author, params ModelDefinition[] definitions) =>
        new() { Author = author, Definitions = [.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal)] };

    /// <summary>Runs <paramref name="action"/> and returns the validation error it must throw.</summary>
    public static StarmapValidationException Invalid(Action action) => Assert.Throws<StarmapValidationException>(action);
}
