namespace Starmap;

/// <summary>
/// What one call (or a sum of calls) used, as providers report it: <see cref="InputTokens"/> counts every
/// input token, the cached ones included, and <see cref="OutputTokens"/> every output token, reasoning
/// included. Counts are never negative; a component left at 0 is not charged and needs no price.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.call-usage")]
public sealed record CallUsage
{
    /// <summary>Every input token, cache reads and cache writes included.</summary>
    [Id(0)] public long InputTokens { get; init; }

    /// <summary>Every output token, reasoning tokens included.</summary>
    [Id(1)] public long OutputTokens { get; init; }

    /// <summary>Input tokens read from the provider's cache (part of <see cref="InputTokens"/>).</summary>
    [Id(2)] public long CacheReadTokens { get; init; }

    /// <summary>Input tokens written to the provider's cache (part of <see cref="InputTokens"/>).</summary>
    [Id(3)] public long CacheWriteTokens { get; init; }

    /// <summary>Output tokens spent on reasoning (part of <see cref="OutputTokens"/>).</summary>
    [Id(4)] public long ReasoningTokens { get; init; }

    /// <summary>Requests, for a per-request price.</summary>
    [Id(5)] public long Requests { get; init; }

    /// <summary>Input images.</summary>
    [Id(6)] public long InputImages { get; init; }

    /// <summary>Input audio units (as the offering prices them).</summary>
    [Id(7)] public long InputAudio { get; init; }

    /// <summary>Input video units (as the offering prices them).</summary>
    [Id(8)] public long InputVideo { get; init; }

    /// <summary>Generated images.</summary>
    [Id(9)] public long GeneratedImages { get; init; }

    /// <summary>Generated audio units.</summary>
    [Id(10)] public long GeneratedAudio { get; init; }

    /// <summary>Generated video units.</summary>
    [Id(11)] public long GeneratedVideo { get; init; }

    /// <summary>Web searches.</summary>
    [Id(12)] public long WebSearches { get; init; }

    /// <summary>Function calls.</summary>
    [Id(13)] public long FunctionCalls { get; init; }

    /// <summary>Tool uses.</summary>
    [Id(14)] public long ToolUses { get; init; }
}
