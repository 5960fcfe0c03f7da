namespace Starmap;

/// <summary>
/// Names of the priced components of a call, as <see cref="CostLine.Component"/>, <see cref="CallCost.Unpriced"/>
/// and the HTTP API's usage fields spell them.
/// </summary>
public static class CostComponents
{
    /// <summary>Input tokens not read from or written to a cache.</summary>
    public const string InputTokens = "input_tokens";
    /// <summary>Input tokens read from a cache.</summary>
    public const string CacheReadTokens = "cache_read_tokens";
    /// <summary>Input tokens written to a cache.</summary>
    public const string CacheWriteTokens = "cache_write_tokens";
    /// <summary>Output tokens (all of them, unless reasoning has its own price).</summary>
    public const string OutputTokens = "output_tokens";
    /// <summary>Reasoning tokens, when the offering prices them apart from output.</summary>
    public const string ReasoningTokens = "reasoning_tokens";
    /// <summary>Requests.</summary>
    public const string Requests = "requests";
    /// <summary>Input images.</summary>
    public const string InputImages = "input_images";
    /// <summary>Input audio units.</summary>
    public const string InputAudio = "input_audio";
    /// <summary>Input video units.</summary>
    public const string InputVideo = "input_video";
    /// <summary>Generated images.</summary>
    public const string GeneratedImages = "generated_images";
    /// <summary>Generated audio units.</summary>
    public const string GeneratedAudio = "generated_audio";
    /// <summary>Generated video units.</summary>
    public const string GeneratedVideo = "generated_video";
    /// <summary>Web searches.</summary>
    public const string WebSearches = "web_searches";
    /// <summary>Function calls.</summary>
    public const string FunctionCalls = "function_calls";
    /// <summary>Tool uses.</summary>
    public const string ToolUses = "tool_uses";

    /// <summary>Every component, in the order lines are listed.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InputTokens, CacheReadTokens, CacheWriteTokens, OutputTokens, ReasoningTokens, Requests, InputImages, InputAudio,
        InputVideo, GeneratedImages, GeneratedAudio, GeneratedVideo, WebSearches, FunctionCalls, ToolUses,
    ];
}
