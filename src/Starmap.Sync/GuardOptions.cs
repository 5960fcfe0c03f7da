namespace Starmap.Sync;

/// <summary>Thresholds of the <see cref="PlausibilityGuard"/>.</summary>
public sealed record GuardOptions
{
    /// <summary>Reject a complete list that drops more than this fraction of the catalog's live models.</summary>
    public double MaxShrinkFraction { get; init; } = 0.5;

    /// <summary>Check shrinking only when the catalog has at least this many live models (tiny lists churn).</summary>
    public int MinBaselineForShrinkCheck { get; init; } = 4;
}
