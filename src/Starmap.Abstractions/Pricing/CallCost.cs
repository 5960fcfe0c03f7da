namespace Starmap;

/// <summary>
/// The cost of a call: one line per charged component, exact in decimal. <see cref="Total"/> is null when
/// the usage needs a price the offering does not know (named in <see cref="Unpriced"/>): an unknown price
/// is never counted as 0.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.call-cost")]
public sealed record CallCost
{
    /// <summary>Provider of the offering priced.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>Model ID of the offering priced.</summary>
    [Id(1)] public required string ModelId { get; init; }

    /// <summary>ISO 4217 code of every amount (the offering's price currency; Starmap's data is USD).</summary>
    [Id(2)] public string Currency { get; init; } = "USD";

    /// <summary>The sum of <see cref="Lines"/>; null when <see cref="Unpriced"/> is not empty.</summary>
    [Id(3)] public decimal? Total { get; init; }

    /// <summary>One line per charged component, in the order of <see cref="CostComponents.All"/>.</summary>
    [Id(4)] public EquatableArray<CostLine> Lines { get; init; }

    /// <summary>Components the usage needs whose price is unknown (names as in <see cref="CostComponents"/>).</summary>
    [Id(5)] public EquatableArray<string> Unpriced { get; init; }

    /// <summary>The context tier applied (its name, or "above N tokens"); null for the base prices.</summary>
    [Id(6)] public string? Tier { get; init; }

    /// <summary>Why prices are missing or how they were chosen, when that is not plain from the lines.</summary>
    [Id(7)] public EquatableArray<string> Notes { get; init; }

    /// <summary>
    /// Catalog generation the prices were read at (at least: the catalog had reached it when they were
    /// read); 0 when the pricing was not read from the catalog.
    /// </summary>
    [Id(8)] public long Generation { get; init; }

    /// <summary>
    /// The time whose prices apply: the time asked for, or the time of the call when none was (the
    /// catalog's facade and HTTP API always fill it); null only from <see cref="CostCalculator.Calculate"/>
    /// without a time, which takes the prices as they are, whatever their effective dates.
    /// </summary>
    [Id(9)] public DateTimeOffset? At { get; init; }
}

/// <summary>One charged component of a <see cref="CallCost"/>.</summary>
[GenerateSerializer, Immutable, Alias("starmap.cost-line")]
public sealed record CostLine
{
    /// <summary>The component (see <see cref="CostComponents"/>), e.g. <c>input_tokens</c>.</summary>
    [Id(0)] public required string Component { get; init; }

    /// <summary>How many units were charged (tokens for token components, else counts).</summary>
    [Id(1)] public long Quantity { get; init; }

    /// <summary>The price applied, per <see cref="Per"/>: per 1,000,000 tokens for token components, per unit otherwise.</summary>
    [Id(2)] public decimal UnitPrice { get; init; }

    /// <summary>What <see cref="UnitPrice"/> is per: <see cref="CostCalculator.PerMillionTokens"/> (<c>1m_tokens</c>) or <see cref="CostCalculator.PerUnit"/> (<c>unit</c>).</summary>
    [Id(3)] public required string Per { get; init; }

    /// <summary>Quantity times price, exact.</summary>
    [Id(4)] public decimal Amount { get; init; }

    /// <summary>The tier whose own price applied; null when the base price did.</summary>
    [Id(5)] public string? Tier { get; init; }
}
