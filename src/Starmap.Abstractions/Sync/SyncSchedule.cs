namespace Starmap;

/// <summary>The last sync of one provider, as recorded by its sync grain.</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-outcome")]
public sealed record SyncOutcome
{
    /// <summary>When it started.</summary>
    [Id(0)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    [Id(1)] public TimeSpan Duration { get; init; }

    /// <summary>How it ended.</summary>
    [Id(2)] public SyncStatus Status { get; init; }

    /// <summary>Why nothing was applied, when it was not; when it was (or nothing differed), the sources that failed and were left out.</summary>
    [Id(3)] public string? Reason { get; init; }

    /// <summary>Offerings added.</summary>
    [Id(4)] public int Added { get; init; }

    /// <summary>Offerings updated.</summary>
    [Id(5)] public int Updated { get; init; }

    /// <summary>Offerings marked gone.</summary>
    [Id(6)] public int Removed { get; init; }

    /// <summary>Catalog generation after apply.</summary>
    [Id(7)] public long? Generation { get; init; }

    /// <summary>Who started it (cmdlet, http, schedule...).</summary>
    [Id(8)] public string? Trigger { get; init; }

    /// <summary>Per-source results.</summary>
    [Id(9)] public EquatableArray<SourceReport> Sources { get; init; }

    /// <summary>The summary of a full result.</summary>
    public static SyncOutcome From(SyncResult result) => new()
    {
        StartedAt = result.StartedAt,
        Duration = result.Duration,
        Status = result.Status,
        Reason = result.Reason,
        Added = result.Changes.AddedOfferings.Count,
        Updated = result.Changes.UpdatedOfferings.Count,
        Removed = result.Changes.RemovedOfferings.Count,
        Generation = result.Generation,
        Sources = result.Sources,
    };
}

/// <summary>The in-cluster sync schedule of one provider (an Orleans reminder).</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-schedule")]
public sealed record SyncSchedule
{
    /// <summary>
    /// Longest interval a schedule takes: 30 days. Orleans' reminder service cannot hold much longer
    /// periods (it failed on them with a 500), and a catalog synced less than monthly is stale anyway.
    /// </summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(30);

    /// <summary>The provider.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>True when a reminder runs syncs.</summary>
    [Id(1)] public bool Enabled { get; init; }

    /// <summary>Time between syncs; null when never scheduled.</summary>
    [Id(2)] public TimeSpan? Interval { get; init; }

    /// <summary>The last sync, scheduled or not.</summary>
    [Id(3)] public SyncOutcome? LastOutcome { get; init; }

    /// <summary>
    /// When the reminder next fires, read from the cluster's reminder table (its first due time plus whole
    /// periods), so it holds across restarts and without any sync having run; null when no schedule runs or
    /// the reminder table does not answer. Id 60: past the ids other branches may add.
    /// </summary>
    [Id(60)] public DateTimeOffset? NextRun { get; init; }
}
