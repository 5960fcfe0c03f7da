namespace Starmap.Silo;

/// <summary>Cluster-wide scheduled syncs, bound from <c>Starmap:Sync</c> (beside the plausibility guard's thresholds).</summary>
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
}
