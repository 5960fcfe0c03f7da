using System.Text.Json.Serialization;

namespace Starmap.Http;

/// <summary>
/// Answer of <c>POST /api/v1/cost</c>: the cost of one call. Amounts are JSON numbers written from decimals
/// (exact: 1.200006 is sent as 1.200006, never through a float). <c>total</c> is null, never 0, when a price
/// the usage needs is unknown; <c>unpriced</c> then names those components.
/// </summary>
public sealed record CostAnswer
{
    /// <summary>Provider ID.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model ID.</summary>
    public required string Model { get; init; }

    /// <summary>ISO 4217 code of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>Sum of the lines; null when <see cref="Unpriced"/> is not empty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? Total { get; init; }

    /// <summary>One line per charged component.</summary>
    public required IReadOnlyList<CostLine> Lines { get; init; }

    /// <summary>Components the usage needs whose price is unknown.</summary>
    public required IReadOnlyList<string> Unpriced { get; init; }

    /// <summary>The context tier applied; null for the base prices.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Tier { get; init; }

    /// <summary>How prices were chosen where the lines do not say (a tier without a price, prices not in force).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Catalog generation the prices were read at (the catalog had at least reached it).</summary>
    public long Generation { get; init; }

    /// <summary>The time whose prices apply: the <c>at</c> asked for, or the time of the request.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The answer for <paramref name="cost"/>.</summary>
    public static CostAnswer From(CallCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new CostAnswer
        {
            Provider = cost.ProviderId,
            Model = cost.ModelId,
            Currency = cost.Currency,
            Total = cost.Total,
            Lines = cost.Lines,
            Unpriced = [.. cost.Unpriced],
            Tier = cost.Tier,
            Notes = [.. cost.Notes],
            Generation = cost.Generation,
            At = cost.At,
        };
    }
}

/// <summary>Answer of <c>POST /api/v1/cost/batch</c>: one item per row, in the order sent.</summary>
public sealed record CostBatchAnswer
{
    /// <summary>Rows priced (their <c>cost</c> is set; its total may still be null for an unknown price).</summary>
    public int Priced { get; init; }

    /// <summary>Rows that failed (their <c>error</c> is set).</summary>
    public int Failed { get; init; }

    /// <summary>Every row's answer.</summary>
    public required IReadOnlyList<CostBatchAnswerItem> Items { get; init; }
}

/// <summary>One row's answer: its cost, or its error in the one error shape's body.</summary>
public sealed record CostBatchAnswerItem
{
    /// <summary>Position of the row in <c>items</c>, from 0.</summary>
    public int Index { get; init; }

    /// <summary>The cost; absent when the row failed.</summary>
    public CostAnswer? Cost { get; init; }

    /// <summary>What was wrong with this row alone; absent when it was priced.</summary>
    public HttpErrorBody? Error { get; init; }
}

/// <summary>Body of <c>POST /api/v1/cost</c> (documentation; the route reads the body strictly itself).</summary>
public sealed record CostRequestBody
{
    /// <summary>Provider ID.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model ID.</summary>
    public required string Model { get; init; }

    /// <summary>What the call used; every count a whole number from 0 to 10^15, absent meaning 0.</summary>
    public required CostUsageBody Usage { get; init; }

    /// <summary>ISO 8601 time whose prices apply (default: now).</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>Usage counts of a call (documentation of the body).</summary>
public sealed record CostUsageBody
{
    /// <summary>Every input token, cache reads and writes included.</summary>
    public long? InputTokens { get; init; }
    /// <summary>Every output token, reasoning included.</summary>
    public long? OutputTokens { get; init; }
    /// <summary>Input tokens read from the cache (part of input_tokens).</summary>
    public long? CacheReadTokens { get; init; }
    /// <summary>Input tokens written to the cache (part of input_tokens).</summary>
    public long? CacheWriteTokens { get; init; }
    /// <summary>Output tokens spent reasoning (part of output_tokens).</summary>
    public long? ReasoningTokens { get; init; }
    /// <summary>Requests.</summary>
    public long? Requests { get; init; }
    /// <summary>Input images.</summary>
    public long? InputImages { get; init; }
    /// <summary>Input audio units.</summary>
    public long? InputAudio { get; init; }
    /// <summary>Input video units.</summary>
    public long? InputVideo { get; init; }
    /// <summary>Generated images.</summary>
    public long? GeneratedImages { get; init; }
    /// <summary>Generated audio units.</summary>
    public long? GeneratedAudio { get; init; }
    /// <summary>Generated video units.</summary>
    public long? GeneratedVideo { get; init; }
    /// <summary>Web searches.</summary>
    public long? WebSearches { get; init; }
    /// <summary>Function calls.</summary>
    public long? FunctionCalls { get; init; }
    /// <summary>Tool uses.</summary>
    public long? ToolUses { get; init; }
}

/// <summary>Body of <c>POST /api/v1/cost/batch</c> (documentation).</summary>
public sealed record CostBatchBody
{
    /// <summary>The rows, each a <see cref="CostRequestBody"/>; at most 1,000.</summary>
    public required IReadOnlyList<CostRequestBody> Items { get; init; }
}
