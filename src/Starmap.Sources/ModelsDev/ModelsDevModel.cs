namespace Starmap.Sources.ModelsDev;

/// <summary>
/// A models.dev model entry as the file states it. Every member is null (or empty) when the entry
/// does not carry it, so "not said" stays apart from <c>false</c> and <c>0</c>.
/// </summary>
public sealed record ModelsDevModel
{
    /// <summary>Model ID (the key under the provider's <c>models</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Family, e.g. <c>gpt</c> or <c>claude-sonnet</c>.</summary>
    public string? Family { get; init; }

    /// <summary>Accepts file attachments.</summary>
    public bool? Attachment { get; init; }

    /// <summary>Reasons before answering.</summary>
    public bool? Reasoning { get; init; }

    /// <summary>Calls tools.</summary>
    public bool? ToolCall { get; init; }

    /// <summary>Accepts a temperature.</summary>
    public bool? Temperature { get; init; }

    /// <summary>Supports schema-constrained output.</summary>
    public bool? StructuredOutput { get; init; }

    /// <summary>Weights are published.</summary>
    public bool? OpenWeights { get; init; }

    /// <summary>Knowledge cutoff (a month is read as its first day).</summary>
    public DateOnly? Knowledge { get; init; }

    /// <summary>Release date.</summary>
    public DateOnly? ReleaseDate { get; init; }

    /// <summary>When models.dev last changed the entry's facts.</summary>
    public DateOnly? LastUpdated { get; init; }

    /// <summary>Input modalities as spelled in the file (text, image, audio, video, pdf).</summary>
    public EquatableArray<string>? InputModalities { get; init; }

    /// <summary>Output modalities as spelled in the file.</summary>
    public EquatableArray<string>? OutputModalities { get; init; }

    /// <summary>Prices, USD per 1M tokens.</summary>
    public ModelsDevCost? Cost { get; init; }

    /// <summary>Token limits.</summary>
    public ModelsDevLimit? Limit { get; init; }

    /// <summary>Status: active, beta, alpha, preview or deprecated.</summary>
    public string? Status { get; init; }

    /// <summary>Reasoning controls (effort levels, token budgets, on/off toggles).</summary>
    public EquatableArray<ModelsDevReasoningOption> ReasoningOptions { get; init; }

    /// <summary>Values the entry gave that could not be read, as notes at the catalog fields they would fill.</summary>
    public EquatableArray<QuarantineNote> Quarantine { get; init; }
}

/// <summary>Token limits as models.dev states them.</summary>
public sealed record ModelsDevLimit
{
    /// <summary>Context window.</summary>
    public long? Context { get; init; }

    /// <summary>Largest input.</summary>
    public long? Input { get; init; }

    /// <summary>Largest output.</summary>
    public long? Output { get; init; }
}

/// <summary>One reasoning control: <c>effort</c> with values, <c>budget_tokens</c> with a range, or <c>toggle</c>.</summary>
public sealed record ModelsDevReasoningOption
{
    /// <summary>Kind of control.</summary>
    public required string Type { get; init; }

    /// <summary>Effort values, e.g. low, medium, high.</summary>
    public EquatableArray<string> Values { get; init; }

    /// <summary>Smallest token budget.</summary>
    public long? Min { get; init; }

    /// <summary>Largest token budget.</summary>
    public long? Max { get; init; }
}
