namespace Starmap;

/// <summary>
/// What a model is, independent of who serves it. Identified by <c>author/slug</c> and owned by the
/// author's grain. Every optional member is null when no source knows it.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.model-definition")]
public sealed record ModelDefinition
{
    /// <summary><c>author/slug</c>, e.g. <c>openai/gpt-4o</c>.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Description, or null when unknown.</summary>
    [Id(2)] public string? Description { get; init; }

    /// <summary>Authors who made the model; the first is the owner named in the ID.</summary>
    [Id(3)] public EquatableArray<string> AuthorIds { get; init; }

    /// <summary>Release, knowledge cutoff, weights and architecture.</summary>
    [Id(4)] public ModelMetadata? Metadata { get; init; }

    /// <summary>Modalities and feature flags.</summary>
    [Id(5)] public ModelFeatures? Features { get; init; }

    /// <summary>File attachment limits.</summary>
    [Id(6)] public ModelAttachments? Attachments { get; init; }

    /// <summary>Ranges of generation parameters.</summary>
    [Id(7)] public ModelGeneration? Generation { get; init; }

    /// <summary>Reasoning effort levels.</summary>
    [Id(8)] public ControlLevels? Reasoning { get; init; }

    /// <summary>Reasoning token budget range.</summary>
    [Id(9)] public IntRange? ReasoningTokens { get; init; }

    /// <summary>Verbosity levels.</summary>
    [Id(10)] public ControlLevels? Verbosity { get; init; }

    /// <summary>Tool choice and web search settings.</summary>
    [Id(11)] public ModelTools? Tools { get; init; }

    /// <summary>Protocols, streaming and response formats (Starmap's <c>response</c>).</summary>
    [Id(12)] public ModelDelivery? Delivery { get; init; }

    /// <summary>Family, root and parent models.</summary>
    [Id(13)] public ModelLineage? Lineage { get; init; }

    /// <summary>Fields refused from a source and left unknown, with what was seen and why; sorted by path.</summary>
    [Id(14)] public EquatableArray<QuarantineNote> Quarantine { get; init; }

    /// <summary>When the catalog first recorded it, as its source states; null when unknown.</summary>
    [Id(15)] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When its content last changed, as its source states; null when unknown.</summary>
    [Id(16)] public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>What its catalog file held that the record does not model, kept for export.</summary>
    [Id(17)] public EquatableArray<UnmodelledValue> Unmodelled { get; init; }

    /// <summary>The author part of <see cref="Id"/>.</summary>
    public string AuthorId => Id.Split('/', 2)[0];

    /// <summary>The slug part of <see cref="Id"/>.</summary>
    public string Slug => Id.Split('/', 2) is [_, var slug] ? slug : "";
}

/// <summary>Dates, weights and architecture of a model.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-metadata")]
public sealed record ModelMetadata
{
    /// <summary>Public release date.</summary>
    [Id(0)] public DateOnly? ReleaseDate { get; init; }

    /// <summary>Training data cutoff.</summary>
    [Id(1)] public DateOnly? KnowledgeCutoff { get; init; }

    /// <summary>True when the weights are published; null when unknown.</summary>
    [Id(2)] public bool? OpenWeights { get; init; }

    /// <summary>Descriptive tags; null when unknown.</summary>
    [Id(3)] public EquatableArray<ModelTag>? Tags { get; init; }

    /// <summary>Architecture details.</summary>
    [Id(4)] public ModelArchitecture? Architecture { get; init; }
}

/// <summary>Architecture details of a model.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-architecture")]
public sealed record ModelArchitecture
{
    /// <summary>Parameter count as published, e.g. "70B".</summary>
    [Id(0)] public string? ParameterCount { get; init; }

    /// <summary>Architecture family.</summary>
    [Id(1)] public ArchitectureType? Type { get; init; }

    /// <summary>Tokenizer family (claude, gpt, llama3, qwen...).</summary>
    [Id(2)] public string? Tokenizer { get; init; }

    /// <summary>Weight quantization.</summary>
    [Id(3)] public Quantization? Quantization { get; init; }

    /// <summary>True when the served weights are quantized.</summary>
    [Id(4)] public bool? Quantized { get; init; }

    /// <summary>True when this is a fine-tune of another model.</summary>
    [Id(5)] public bool? FineTuned { get; init; }

    /// <summary>The base model of a fine-tune.</summary>
    [Id(6)] public string? BaseModel { get; init; }
}

/// <summary>Modalities and tri-state feature flags.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-features")]
public sealed record ModelFeatures
{
    /// <summary>Input modalities; null when unknown.</summary>
    [Id(0)] public EquatableArray<Modality>? InputModalities { get; init; }

    /// <summary>Output modalities; null when unknown.</summary>
    [Id(1)] public EquatableArray<Modality>? OutputModalities { get; init; }

    /// <summary>Feature flags (each known true, known false, or unknown).</summary>
    [Id(2)] public FeatureFlags Flags { get; init; } = FeatureFlags.None;
}

/// <summary>File attachment support.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-attachments")]
public sealed record ModelAttachments
{
    /// <summary>Accepted MIME types; null when unknown.</summary>
    [Id(0)] public EquatableArray<string>? MimeTypes { get; init; }

    /// <summary>Largest file in bytes.</summary>
    [Id(1)] public long? MaxFileSize { get; init; }

    /// <summary>Most files per request.</summary>
    [Id(2)] public int? MaxFiles { get; init; }
}

/// <summary>A range of a floating-point parameter; each bound null when unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.float-range")]
public sealed record FloatRange
{
    /// <summary>Smallest allowed value.</summary>
    [Id(0)] public double? Min { get; init; }

    /// <summary>Largest allowed value.</summary>
    [Id(1)] public double? Max { get; init; }

    /// <summary>Value used when the request omits it.</summary>
    [Id(2)] public double? Default { get; init; }
}

/// <summary>A range of an integer parameter; each bound null when unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.int-range")]
public sealed record IntRange
{
    /// <summary>Smallest allowed value.</summary>
    [Id(0)] public long? Min { get; init; }

    /// <summary>Largest allowed value.</summary>
    [Id(1)] public long? Max { get; init; }

    /// <summary>Value used when the request omits it.</summary>
    [Id(2)] public long? Default { get; init; }
}

/// <summary>Levels of a control (reasoning effort, verbosity) and its default.</summary>
[GenerateSerializer, Immutable, Alias("starmap.control-levels")]
public sealed record ControlLevels
{
    /// <summary>Allowed levels.</summary>
    [Id(0)] public EquatableArray<ControlLevel> Levels { get; init; }

    /// <summary>The level used when the request omits it.</summary>
    [Id(1)] public ControlLevel? Default { get; init; }
}

/// <summary>Family, root and parent of a model.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-lineage")]
public sealed record ModelLineage
{
    /// <summary>Model family, e.g. "gpt-4o" or "claude-sonnet".</summary>
    [Id(0)] public string? Family { get; init; }

    /// <summary>The root model this one derives from.</summary>
    [Id(1)] public string? Root { get; init; }

    /// <summary>The direct parent model.</summary>
    [Id(2)] public string? Parent { get; init; }
}
