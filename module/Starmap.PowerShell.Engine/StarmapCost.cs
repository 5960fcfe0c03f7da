namespace Starmap.PowerShell;

/// <summary>
/// The cost of one call (Measure-StarmapCost), as <c>POST /api/v1/cost</c> and <c>catalog.Prices</c> answer it:
/// exact decimal amounts, one line per priced component, and a null <see cref="Total"/> with
/// <see cref="Unpriced"/> naming why when the usage needs a price nobody knows (never 0).
/// </summary>
public sealed class StarmapCost
{
    /// <summary>Position of the row in the pipeline, from 1 (a CSV's first data row is 1).</summary>
    public int Row { get; set; }

    /// <summary>Provider ID.</summary>
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    public string Model { get; set; } = "";

    /// <summary>The sum of the lines, exact; null when a needed price is unknown.</summary>
    public decimal? Total { get; set; }

    /// <summary>ISO 4217 code of every amount.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The context tier applied; null for the base prices.</summary>
    public string? Tier { get; set; }

    /// <summary>One line per priced component.</summary>
    public StarmapCostLine[] Lines { get; set; } = [];

    /// <summary>Components the usage needs whose price is unknown.</summary>
    public string[] Unpriced { get; set; } = [];

    /// <summary>How prices were chosen where the lines do not say.</summary>
    public string[] Notes { get; set; } = [];

    /// <summary>Catalog generation the prices were read at.</summary>
    public long Generation { get; set; }

    /// <summary>The time whose prices apply.</summary>
    public DateTimeOffset? At { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider}/{Model}: {(Total is { } total ? total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Currency : "unknown")}";

    internal static StarmapCost From(int row, CallCost cost) => new()
    {
        Row = row,
        Provider = cost.ProviderId,
        Model = cost.ModelId,
        Total = cost.Total,
        Currency = cost.Currency,
        Tier = cost.Tier,
        Lines = [.. cost.Lines.Select(StarmapCostLine.From)],
        Unpriced = [.. cost.Unpriced],
        Notes = [.. cost.Notes],
        Generation = cost.Generation,
        At = cost.At,
    };
}

/// <summary>One priced component of a <see cref="StarmapCost"/>: Quantity × UnitPrice per <see cref="Per"/> = Amount.</summary>
public sealed class StarmapCostLine
{
    /// <summary>input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, reasoning_tokens, requests, ...</summary>
    public string Component { get; set; } = "";

    /// <summary>Units charged.</summary>
    public long Quantity { get; set; }

    /// <summary>The price applied.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary><c>1m_tokens</c> (per 1,000,000 tokens) or <c>unit</c>.</summary>
    public string Per { get; set; } = "";

    /// <summary>Exact amount.</summary>
    public decimal Amount { get; set; }

    /// <summary>The tier whose price applied; null for a base price.</summary>
    public string? Tier { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Component} {Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    internal static StarmapCostLine From(CostLine line) => new()
    {
        Component = line.Component,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        Per = line.Per,
        Amount = line.Amount,
        Tier = line.Tier,
    };
}
