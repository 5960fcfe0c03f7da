namespace Starmap.PowerShell;

/// <summary>A provider's in-cluster sync schedule (an Orleans reminder) with its last sync.</summary>
public sealed class StarmapSyncSchedule
{
    /// <summary>The provider.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>True when a reminder runs syncs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Time between syncs; null when never scheduled.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>When the reminder next fires (read from the cluster's reminder table); null when no schedule runs.</summary>
    public DateTimeOffset? NextRun { get; set; }

    /// <summary>When the last sync (scheduled or not) started.</summary>
    public DateTimeOffset? LastSync { get; set; }

    /// <summary>How the last sync ended.</summary>
    public string? LastStatus { get; set; }

    /// <summary>Why the last sync applied nothing, when it did not.</summary>
    public string? LastReason { get; set; }

    /// <summary>Who started the last sync (schedule, powershell, ...).</summary>
    public string? LastTrigger { get; set; }

    /// <summary>Offerings the last sync added.</summary>
    public int? LastAdded { get; set; }

    /// <summary>Offerings the last sync updated.</summary>
    public int? LastUpdated { get; set; }

    /// <summary>Offerings the last sync marked gone.</summary>
    public int? LastRemoved { get; set; }

    /// <inheritdoc/>
    public override string ToString() => ProviderId;

    internal static StarmapSyncSchedule From(SyncSchedule schedule) => new()
    {
        ProviderId = schedule.ProviderId,
        Enabled = schedule.Enabled,
        Interval = schedule.Interval,
        NextRun = schedule.NextRun,
        LastSync = schedule.LastOutcome?.StartedAt,
        LastStatus = schedule.LastOutcome?.Status.ToString(),
        LastReason = schedule.LastOutcome?.Reason,
        LastTrigger = schedule.LastOutcome?.Trigger,
        LastAdded = schedule.LastOutcome?.Added,
        LastUpdated = schedule.LastOutcome?.Updated,
        LastRemoved = schedule.LastOutcome?.Removed,
    };
}
