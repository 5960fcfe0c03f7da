namespace Starmap;

/// <summary>
/// Every price an offering had since the change log starts: the pricing known at the log's start first
/// (when the offering existed then), then one entry per generation that changed a price component, added
/// or removed the offering, each with the pricing after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.price-history")]
public sealed record PriceHistory
{
    /// <summary>The provider.</summary>
    [Id(0)] public required string Provider { get; init; }

    /// <summary>The provider's model ID.</summary>
    [Id(1)] public required string Model { get; init; }

    /// <summary>The catalog generation the history was read at (the newest).</summary>
    [Id(2)] public long Generation { get; init; }

    /// <summary>The entries, oldest first.</summary>
    [Id(3)] public EquatableArray<PriceHistoryEntry> Items { get; init; }
}

/// <summary>The offering's pricing from one generation on.</summary>
[GenerateSerializer, Immutable, Alias("starmap.price-history-entry")]
public sealed record PriceHistoryEntry
{
    /// <summary>The generation that set this pricing (for the first entry: the oldest readable generation).</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>When it was published; null for the first entry (the pricing already in force when the log starts).</summary>
    [Id(1)] public DateTimeOffset? At { get; init; }

    /// <summary>What kind of write changed it (<see cref="ChangeOrigins"/>); null for the first entry.</summary>
    [Id(2)] public string? Origin { get; init; }

    /// <summary>The source of the new price (e.g. <c>models.dev</c>), when known.</summary>
    [Id(3)] public string? Source { get; init; }

    /// <summary>The pricing from this generation on; null when unknown, or when the offering was removed.</summary>
    [Id(4)] public ModelPricing? Pricing { get; init; }

    /// <summary>The price components this generation changed (empty for the first entry).</summary>
    [Id(5)] public EquatableArray<PriceChange> Changes { get; init; }

    /// <summary>True when this generation removed the offering.</summary>
    [Id(6)] public bool Removed { get; init; }
}

/// <summary>One price component's change: its path in the pricing (e.g. <c>pricing.tokens.input</c>), old and new value as JSON text (null: unknown).</summary>
[GenerateSerializer, Immutable, Alias("starmap.price-change")]
public sealed record PriceChange
{
    /// <summary>The field path.</summary>
    [Id(0)] public required string Path { get; init; }

    /// <summary>The value before.</summary>
    [Id(1)] public string? Old { get; init; }

    /// <summary>The value after.</summary>
    [Id(2)] public string? New { get; init; }
}
