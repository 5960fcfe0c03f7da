namespace Starmap.Silo;

/// <summary>Scheduled syncs and the silo's sync rehearsal, bound from <c>Starmap:Sync</c> (beside the plausibility guard's thresholds).</summary>
public sealed class SyncScheduleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = StarmapSiloOptions.Section + ":Sync";

    /// <summary>
    /// Every this long, sync every provider with discover (create the providers models.dev adds, then sync
    /// them with the others), as an Orleans reminder of the catalog sync grain. Null (the default): no such
    /// schedule, and a start without it removes one an earlier start set.
    /// </summary>
    public TimeSpan? DiscoverInterval { get; set; }

    /// <summary>
    /// After the silo is ready, dry-run a models.dev sync of every provider over the catalog's own data (nothing
    /// written, no run recorded), on the sync's low-priority threads, so the first real sync after a start runs
    /// compiled code: ~5x faster. On by default; test silos, started hundreds of times, turn it off.
    /// </summary>
    public bool Rehearse { get; set; } = true;
}
