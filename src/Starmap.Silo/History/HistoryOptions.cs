namespace Starmap.Silo.History;

/// <summary>The change log's settings, bound from <c>Starmap:History</c>.</summary>
public sealed class HistoryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = StarmapSiloOptions.Section + ":History";

    /// <summary>The longest retention accepted (a typo of years, not days, is refused rather than kept).</summary>
    public static readonly TimeSpan MaximumRetention = TimeSpan.FromDays(100 * 366);

    /// <summary>
    /// How long changes are kept: generations published longer ago are deleted (whole generations, oldest
    /// first), and reads that need them are refused. Default 400 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the silo deletes what fell out of <see cref="Retention"/> (and once at start). Default hourly.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
