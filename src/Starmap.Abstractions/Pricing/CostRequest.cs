namespace Starmap;

/// <summary>One row of <see cref="PriceCollection.CalculateBatchAsync"/>: which offering, what usage, at what time.</summary>
public sealed record CostRequest
{
    /// <summary>Provider of the offering.</summary>
    public required string ProviderId { get; init; }

    /// <summary>The provider's model ID.</summary>
    public required string ModelId { get; init; }

    /// <summary>What the call used.</summary>
    public CallUsage Usage { get; init; } = new();

    /// <summary>Price the call as at this time (null: now).</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// The answer to one <see cref="CostRequest"/> of a batch: its <see cref="Cost"/>, or the <see cref="Error"/>
/// that row alone met (<see cref="StarmapNotFoundException"/>, <see cref="StarmapValidationException"/>).
/// </summary>
public sealed record CostBatchItem
{
    /// <summary>Position of the row in the batch, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The row asked.</summary>
    public required CostRequest Request { get; init; }

    /// <summary>The cost; null when <see cref="Error"/> is set.</summary>
    public CallCost? Cost { get; init; }

    /// <summary>Why the row has no cost; null when it has one.</summary>
    public StarmapException? Error { get; init; }
}
