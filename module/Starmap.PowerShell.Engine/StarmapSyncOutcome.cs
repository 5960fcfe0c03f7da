namespace Starmap.PowerShell;

/// <summary>One past real sync of a provider (Get-StarmapSyncHistory); dry runs are never kept.</summary>
public sealed class StarmapSyncOutcome
{
    /// <summary>The provider.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>How it ended: Applied, NoChanges, Skipped, Rejected or Failed.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why nothing was applied, when it was not.</summary>
    public string? Reason { get; set; }

    /// <summary>Offerings added.</summary>
    public int Added { get; set; }

    /// <summary>Offerings updated.</summary>
    public int Updated { get; set; }

    /// <summary>Offerings marked gone.</summary>
    public int Removed { get; set; }

    /// <summary>Catalog generation it wrote, when it wrote one.</summary>
    public long? Generation { get; set; }

    /// <summary>Who started it (schedule, powershell, http, ...).</summary>
    public string? Trigger { get; set; }

    /// <summary>Each source's status, such as "provider-api: Ok".</summary>
    public string[] Sources { get; set; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{ProviderId} {StartedAt:u} {Status}";

    internal static StarmapSyncOutcome From(string providerId, SyncOutcome outcome) => new()
    {
        ProviderId = providerId,
        StartedAt = outcome.StartedAt,
        Duration = outcome.Duration,
        Status = outcome.Status.ToString(),
        Reason = outcome.Reason,
        Added = outcome.Added,
        Updated = outcome.Updated,
        Removed = outcome.Removed,
        Generation = outcome.Generation,
        Trigger = outcome.Trigger,
        Sources = [.. outcome.Sources.Select(s => $"{s.Source}: {s.Status}")],
    };
}
