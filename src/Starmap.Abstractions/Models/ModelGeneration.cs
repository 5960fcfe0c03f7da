namespace Starmap;

/// <summary>Ranges of sampling and generation parameters a model accepts.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-generation")]
public sealed record ModelGeneration
{
    /// <summary>temperature.</summary>
    [Id(0)] public FloatRange? Temperature { get; init; }
    /// <summary>top_p.</summary>
    [Id(1)] public FloatRange? TopP { get; init; }
    /// <summary>top_a.</summary>
    [Id(2)] public FloatRange? TopA { get; init; }
    /// <summary>min_p.</summary>
    [Id(3)] public FloatRange? MinP { get; init; }
    /// <summary>typical_p.</summary>
    [Id(4)] public FloatRange? TypicalP { get; init; }
    /// <summary>tfs.</summary>
    [Id(5)] public FloatRange? Tfs { get; init; }
    /// <summary>frequency_penalty.</summary>
    [Id(6)] public FloatRange? FrequencyPenalty { get; init; }
    /// <summary>presence_penalty.</summary>
    [Id(7)] public FloatRange? PresencePenalty { get; init; }
    /// <summary>repetition_penalty.</summary>
    [Id(8)] public FloatRange? RepetitionPenalty { get; init; }
    /// <summary>length_penalty.</summary>
    [Id(9)] public FloatRange? LengthPenalty { get; init; }
    /// <summary>mirostat_tau.</summary>
    [Id(10)] public FloatRange? MirostatTau { get; init; }
    /// <summary>mirostat_eta.</summary>
    [Id(11)] public FloatRange? MirostatEta { get; init; }
    /// <summary>contrastive_search_penalty_alpha.</summary>
    [Id(12)] public FloatRange? ContrastiveSearchPenaltyAlpha { get; init; }
    /// <summary>diversity_penalty.</summary>
    [Id(13)] public FloatRange? DiversityPenalty { get; init; }
    /// <summary>top_k.</summary>
    [Id(14)] public IntRange? TopK { get; init; }
    /// <summary>no_repeat_ngram_size.</summary>
    [Id(15)] public IntRange? NoRepeatNgramSize { get; init; }
    /// <summary>n.</summary>
    [Id(16)] public IntRange? N { get; init; }
    /// <summary>best_of.</summary>
    [Id(17)] public IntRange? BestOf { get; init; }
    /// <summary>num_beams.</summary>
    [Id(18)] public IntRange? NumBeams { get; init; }
    /// <summary>Largest max_tokens accepted.</summary>
    [Id(19)] public long? MaxTokens { get; init; }
    /// <summary>Largest max_output_tokens accepted.</summary>
    [Id(20)] public long? MaxOutputTokens { get; init; }
    /// <summary>Largest top_logprobs accepted.</summary>
    [Id(21)] public int? TopLogprobs { get; init; }
}

/// <summary>Tool choice modes and web search settings.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-tools")]
public sealed record ModelTools
{
    /// <summary>Tool choice modes (auto, none, required, or a tool name); null when unknown.</summary>
    [Id(0)] public EquatableArray<string>? ToolChoices { get; init; }

    /// <summary>Web search settings.</summary>
    [Id(1)] public WebSearchSettings? WebSearch { get; init; }
}

/// <summary>Web search settings (plugin-style and native).</summary>
[GenerateSerializer, Immutable, Alias("starmap.web-search")]
public sealed record WebSearchSettings
{
    /// <summary>Most results a plugin search returns.</summary>
    [Id(0)] public int? MaxResults { get; init; }

    /// <summary>Prompt used for plugin search.</summary>
    [Id(1)] public string? SearchPrompt { get; init; }

    /// <summary>Native search context sizes (low, medium, high).</summary>
    [Id(2)] public EquatableArray<string>? SearchContextSizes { get; init; }

    /// <summary>Default native search context size.</summary>
    [Id(3)] public string? DefaultContextSize { get; init; }
}

/// <summary>How responses are delivered (Starmap's <c>response</c> block).</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-delivery")]
public sealed record ModelDelivery
{
    /// <summary>Protocols; null when unknown.</summary>
    [Id(0)] public EquatableArray<DeliveryProtocol>? Protocols { get; init; }

    /// <summary>Streaming transports; null when unknown.</summary>
    [Id(1)] public EquatableArray<StreamingKind>? Streaming { get; init; }

    /// <summary>Response formats; null when unknown.</summary>
    [Id(2)] public EquatableArray<ResponseFormat>? Formats { get; init; }
}
