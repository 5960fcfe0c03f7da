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

    // Intrinsic facts: the linked definition's value when it knows one (curated, shared by every
    // provider), else the offering's own (what this provider's sources state), so a model whose author
    // has no definition still answers filters and sorts on them.

    /// <summary>Description: the definition's, else the offering's; null when unknown.</summary>
    public string? Description => Definition?.Description ?? Offering.Description;

    /// <summary>Release date: the definition's, else the offering's.</summary>
    public DateOnly? ReleaseDate => Definition?.Metadata?.ReleaseDate ?? Offering.Metadata?.ReleaseDate;

    /// <summary>Knowledge cutoff: the definition's, else the offering's.</summary>
    public DateOnly? KnowledgeCutoff => Definition?.Metadata?.KnowledgeCutoff ?? Offering.Metadata?.KnowledgeCutoff;

    /// <summary>Open weights: the definition's, else the offering's; null when unknown.</summary>
    public bool? OpenWeights => Definition?.Metadata?.OpenWeights ?? Offering.Metadata?.OpenWeights;

    /// <summary>Family: the definition's, else the offering's; null when unknown.</summary>
    public string? Family => Definition?.Lineage?.Family ?? Offering.Lineage?.Family;

    /// <summary>Reasoning effort levels: the definition's, else the offering's.</summary>
    public ControlLevels? Reasoning => Definition?.Reasoning ?? Offering.Reasoning;

    /// <summary>Reasoning token budget range: the definition's, else the offering's.</summary>
    public IntRange? ReasoningTokens => Definition?.ReasoningTokens ?? Offering.ReasoningTokens;

    /// <summary>Dates, weights, tags and architecture field by field: the definition's, else the offering's; null when neither knows any.</summary>
    public ModelMetadata? Metadata => (Definition?.Metadata, Offering.Metadata) switch
    {
        (null, var own) => own,
        (var linked, null) => linked,
        var (linked, own) => linked with
        {
            ReleaseDate = linked.ReleaseDate ?? own.ReleaseDate,
            KnowledgeCutoff = linked.KnowledgeCutoff ?? own.KnowledgeCutoff,
            OpenWeights = linked.OpenWeights ?? own.OpenWeights,
            Tags = linked.Tags ?? own.Tags,
            Architecture = linked.Architecture ?? own.Architecture,
        },
    };

    /// <summary>Family, root and parent field by field: the definition's, else the offering's; null when neither knows any.</summary>
    public ModelLineage? Lineage => (Definition?.Lineage, Offering.Lineage) switch
    {
        (null, var own) => own,
        (var linked, null) => linked,
        var (linked, own) => linked with
        {
            Family = linked.Family ?? own.Family,
            Root = linked.Root ?? own.Root,
            Parent = linked.Parent ?? own.Parent,
        },
    };

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
