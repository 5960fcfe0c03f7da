namespace Starmap;

/// <summary>
/// A capability or request parameter a model may support. Stored by number: never renumber, only add.
/// </summary>
[GenerateSerializer, Alias("starmap.feature")]
public enum Feature
{
    // Core capabilities
    /// <summary>The model emits tool calls.</summary>
    ToolCalls = 0,
    /// <summary>The model accepts tool definitions.</summary>
    Tools = 1,
    /// <summary>auto / none / required tool choice is supported.</summary>
    ToolChoice = 2,
    /// <summary>Built-in web search.</summary>
    WebSearch = 3,
    /// <summary>File attachments.</summary>
    Attachments = 4,

    // Reasoning and verbosity
    /// <summary>The model reasons before answering.</summary>
    Reasoning = 10,
    /// <summary>Reasoning effort can be set.</summary>
    ReasoningEffort = 11,
    /// <summary>A reasoning token budget can be set.</summary>
    ReasoningTokens = 12,
    /// <summary>Reasoning can be included in the response.</summary>
    IncludeReasoning = 13,
    /// <summary>Verbosity can be set.</summary>
    Verbosity = 14,

    // Core sampling parameters
    /// <summary>temperature.</summary>
    Temperature = 20,
    /// <summary>top_p.</summary>
    TopP = 21,
    /// <summary>max_tokens.</summary>
    MaxTokens = 22,
    /// <summary>max_output_tokens.</summary>
    MaxOutputTokens = 23,
    /// <summary>stop sequences.</summary>
    Stop = 24,
    /// <summary>frequency_penalty.</summary>
    FrequencyPenalty = 25,
    /// <summary>presence_penalty.</summary>
    PresencePenalty = 26,
    /// <summary>logit_bias.</summary>
    LogitBias = 27,
    /// <summary>logprobs.</summary>
    Logprobs = 28,
    /// <summary>top_logprobs.</summary>
    TopLogprobs = 29,

    // Advanced sampling parameters
    /// <summary>top_k.</summary>
    TopK = 40,
    /// <summary>top_a.</summary>
    TopA = 41,
    /// <summary>min_p.</summary>
    MinP = 42,
    /// <summary>typical_p.</summary>
    TypicalP = 43,
    /// <summary>tail-free sampling.</summary>
    Tfs = 44,
    /// <summary>stop_token_ids.</summary>
    StopTokenIds = 45,
    /// <summary>repetition_penalty.</summary>
    RepetitionPenalty = 46,
    /// <summary>bad_words.</summary>
    BadWords = 47,
    /// <summary>seed.</summary>
    Seed = 48,
    /// <summary>echo.</summary>
    Echo = 49,
    /// <summary>n (number of choices).</summary>
    N = 50,
    /// <summary>best_of.</summary>
    BestOf = 51,

    // Niche sampling parameters
    /// <summary>no_repeat_ngram_size.</summary>
    NoRepeatNgramSize = 60,
    /// <summary>length_penalty.</summary>
    LengthPenalty = 61,
    /// <summary>allowed_tokens.</summary>
    AllowedTokens = 62,
    /// <summary>mirostat.</summary>
    Mirostat = 63,
    /// <summary>mirostat_tau.</summary>
    MirostatTau = 64,
    /// <summary>mirostat_eta.</summary>
    MirostatEta = 65,
    /// <summary>contrastive_search_penalty_alpha.</summary>
    ContrastiveSearchPenaltyAlpha = 66,
    /// <summary>num_beams.</summary>
    NumBeams = 67,
    /// <summary>early_stopping.</summary>
    EarlyStopping = 68,
    /// <summary>diversity_penalty.</summary>
    DiversityPenalty = 69,

    // Response delivery
    /// <summary>Response formatting (response_format).</summary>
    FormatResponse = 80,
    /// <summary>Schema-constrained structured outputs.</summary>
    StructuredOutputs = 81,
    /// <summary>Streaming responses.</summary>
    Streaming = 82,
}
