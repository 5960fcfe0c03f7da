namespace Starmap;

/// <summary>
/// A model as one provider serves it: keyed by provider ID and the provider's own model ID, which is
/// opaque and may contain <c>/</c> and <c>@</c>. Holds the provider facts: price, limits, lifecycle.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.offering")]
public sealed record Offering
{
    /// <summary>The provider that serves it.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>The provider's model ID, exactly as its API spells it.</summary>
    [Id(1)] public required string ModelId { get; init; }

    /// <summary>The <c>author/slug</c> definition this offering serves, when known.</summary>
    [Id(2)] public string? DefinitionId { get; init; }

    /// <summary>Display name; null falls back to the definition's name, then to the model ID.</summary>
    [Id(3)] public string? Name { get; init; }

    /// <summary>Prices; null when unknown.</summary>
    [Id(4)] public ModelPricing? Pricing { get; init; }

    /// <summary>Token limits; null when unknown.</summary>
    [Id(5)] public ModelLimits? Limits { get; init; }

    /// <summary>Status and deprecation / retirement dates.</summary>
    [Id(6)] public OfferingLifecycle? Lifecycle { get; init; }

    /// <summary>Whether the provider currently serves it.</summary>
    [Id(7)] public Availability Availability { get; init; }

    /// <summary>Regions it is served in; null when unknown.</summary>
    [Id(8)] public EquatableArray<string>? Regions { get; init; }

    /// <summary>Authors credited on the provider's side (used when no definition is linked).</summary>
    [Id(9)] public EquatableArray<string> AuthorIds { get; init; }

    /// <summary>Provider-specific features that differ from the definition (e.g. a provider without tool support).</summary>
    [Id(10)] public ModelFeatures? Features { get; init; }

    /// <summary>When the catalog first recorded it.</summary>
    [Id(11)] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When its content last changed.</summary>
    [Id(12)] public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Where each synced field's value came from, sorted by path.</summary>
    [Id(13)] public EquatableArray<FieldProvenance> Provenance { get; init; }

    /// <summary>The provider's description of the model; null when unknown.</summary>
    [Id(14)] public string? Description { get; init; }

    /// <summary>
    /// Intrinsic facts (release date, knowledge cutoff, open weights...) as the provider's source states
    /// them. Kept on the offering so a model whose author has no definition still answers filters on them;
    /// a linked definition's facts take precedence when reading.
    /// </summary>
    [Id(15)] public ModelMetadata? Metadata { get; init; }

    /// <summary>Family and ancestry as the provider's source states them; null when unknown.</summary>
    [Id(16)] public ModelLineage? Lineage { get; init; }

    /// <summary>Reasoning effort levels the provider accepts; null when unknown.</summary>
    [Id(17)] public ControlLevels? Reasoning { get; init; }

    /// <summary>Reasoning token budget range the provider accepts; null when unknown.</summary>
    [Id(18)] public IntRange? ReasoningTokens { get; init; }

    /// <summary>
    /// Fields a source gave with a value that could not be right (an output limit above the context window,
    /// control characters in a name, a negative price...): the field was left unknown and the note says what
    /// was seen, why it was refused and where it came from. Sorted by path.
    /// </summary>
    [Id(19)] public EquatableArray<QuarantineNote> Quarantine { get; init; }

    /// <summary>Ranges of sampling parameters the provider accepts; null when unknown.</summary>
    [Id(20)] public ModelGeneration? Generation { get; init; }

    /// <summary>Other ways to call it at another price (a <c>fast</c> mode), sorted by name.</summary>
    [Id(21)] public EquatableArray<OfferingMode> Modes { get; init; }

    /// <summary>What its catalog file held that the record does not model, kept for export.</summary>
    [Id(22)] public EquatableArray<UnmodelledValue> Unmodelled { get; init; }

    /// <summary>The offering's key.</summary>
    public OfferingKey Key => new(ProviderId, ModelId);
}

/// <summary>Identity of an offering: provider ID plus the provider's opaque model ID.</summary>
[GenerateSerializer, Immutable, Alias("starmap.offering-key")]
public readonly record struct OfferingKey(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] string ModelId)
{
    /// <inheritdoc/>
    public override string ToString() => ProviderId + ":" + ModelId;
}

/// <summary>Token limits of an offering; each null when unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-limits")]
public sealed record ModelLimits
{
    /// <summary>Context window in tokens (input plus output).</summary>
    [Id(0)] public long? ContextWindow { get; init; }

    /// <summary>Largest input in tokens.</summary>
    [Id(1)] public long? InputTokens { get; init; }

    /// <summary>Largest output in tokens.</summary>
    [Id(2)] public long? OutputTokens { get; init; }
}

/// <summary>Where an offering is in its life.</summary>
[GenerateSerializer, Immutable, Alias("starmap.offering-lifecycle")]
public sealed record OfferingLifecycle
{
    /// <summary>Status.</summary>
    [Id(0)] public LifecycleStatus Status { get; init; }

    /// <summary>When it was deprecated.</summary>
    [Id(1)] public DateOnly? DeprecatedAt { get; init; }

    /// <summary>When it is (or was) retired: OpenAI's <c>shutdown_date</c>.</summary>
    [Id(2)] public DateOnly? RetiresAt { get; init; }
}
