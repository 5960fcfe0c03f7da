namespace Starmap;

/// <summary>
/// A model as the catalog answers queries: one provider's offering joined with its definition and
/// the authors credited to it (by definition, by the provider, or by attribution rules).
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-model")]
public sealed record CatalogModel
{
    /// <summary>The provider's offering.</summary>
    [Id(0)] public required Offering Offering { get; init; }

    /// <summary>The linked definition, when the catalog has it.</summary>
    [Id(1)] public ModelDefinition? Definition { get; init; }

    /// <summary>Authors credited, sorted.</summary>
    [Id(2)] public EquatableArray<string> AuthorIds { get; init; }

    /// <summary>
    /// The provider's version this offering was read at (every change to the provider or any of its
    /// offerings moves it): pass it as the expected version of a patch so a stale copy cannot overwrite
    /// a newer change. Not part of the JSON shape.
    /// </summary>
    [Id(3), System.Text.Json.Serialization.JsonIgnore] public long ProviderVersion { get; init; }

    /// <summary>Provider ID.</summary>
    public string ProviderId => Offering.ProviderId;

    /// <summary>The provider's model ID.</summary>
    public string ModelId => Offering.ModelId;

    /// <summary>Offering name, else definition name, else the model ID.</summary>
    public string Name => Offering.Name ?? Definition?.Name ?? Offering.ModelId;

    /// <summary>Context window in tokens, or null when unknown.</summary>
    public long? ContextWindow => Offering.Limits?.ContextWindow;

    /// <summary>USD (or <see cref="ModelPricing.Currency"/>) per 1M input tokens, or null when unknown.</summary>
    public decimal? InputPrice => Offering.Pricing?.Tokens?.Input;

    /// <summary>Per 1M output tokens, or null when unknown.</summary>
    public decimal? OutputPrice => Offering.Pricing?.Tokens?.Output;

    /// <summary>Lifecycle status.</summary>
    public LifecycleStatus Status => Offering.Lifecycle?.Status ?? LifecycleStatus.Unknown;

    /// <summary>Release date from the definition.</summary>
    public DateOnly? ReleaseDate => Definition?.Metadata?.ReleaseDate;

    /// <summary>Open weights from the definition; null when unknown.</summary>
    public bool? OpenWeights => Definition?.Metadata?.OpenWeights;

    /// <summary>Input modalities: the offering's when it states them, else the definition's.</summary>
    public EquatableArray<Modality>? InputModalities =>
        Offering.Features?.InputModalities ?? Definition?.Features?.InputModalities;

    /// <summary>Output modalities: the offering's when it states them, else the definition's.</summary>
    public EquatableArray<Modality>? OutputModalities =>
        Offering.Features?.OutputModalities ?? Definition?.Features?.OutputModalities;

    /// <summary>A feature as served: the offering's value when known, else the definition's; null when unknown.</summary>
    public bool? Supports(Feature feature) =>
        Offering.Features?.Flags[feature] ?? Definition?.Features?.Flags[feature];
}
