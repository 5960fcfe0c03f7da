namespace Starmap.PowerShell;

/// <summary>Result of syncing one provider (Sync-StarmapProvider): status, counts, the field-level changeset and each source's report.</summary>
public sealed class StarmapSyncResult
{
    /// <summary>The provider synced.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>Applied, NoChanges, DryRun, Skipped, Rejected or Failed.</summary>
    public string Status { get; set; } = "";

    /// <summary>True for a dry run (-WhatIf): nothing was written.</summary>
    public bool DryRun { get; set; }

    /// <summary>True when the provider was created from models.dev by this sync (-Discover), or would be in a dry run.</summary>
    public bool Discovered { get; set; }

    /// <summary>Its models.dev ID, when it was discovered under another ID (models.dev's <c>wafer.ai</c> is <c>wafer-ai</c> here).</summary>
    public string? ModelsDevId { get; set; }

    /// <summary>Offerings added.</summary>
    public int Added { get; set; }

    /// <summary>Offerings updated.</summary>
    public int Updated { get; set; }

    /// <summary>Offerings gone from the provider's list (marked unavailable or retired, never deleted).</summary>
    public int Removed { get; set; }

    /// <summary>Definitions added or filled.</summary>
    public int Definitions { get; set; }

    /// <summary>Why nothing was applied, when it was not.</summary>
    public string? Reason { get; set; }

    /// <summary>Every changed field.</summary>
    public StarmapChange[] Changes { get; set; } = [];

    /// <summary>Fields this run quarantined: values a source gave that were refused and left unknown, with why.</summary>
    public StarmapQuarantine[] Quarantined { get; set; } = [];

    /// <summary>Quarantine notes this run dropped (the field now has a valid value, or its source no longer refuses).</summary>
    public StarmapQuarantine[] Released { get; set; } = [];

    /// <summary>Each source's report.</summary>
    public StarmapSourceReport[] Sources { get; set; } = [];

    /// <summary>Warnings (a failed source, implausible data applied by force, ...).</summary>
    public string[] Warnings { get; set; } = [];

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Milliseconds it took.</summary>
    public double DurationMs { get; set; }

    /// <summary>Catalog generation that includes the applied changes.</summary>
    public long? Generation { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{ProviderId}: {Status}";

    internal static StarmapSyncResult From(ProviderSyncSummary summary, bool dryRun, DateTimeOffset startedAt) => new()
    {
        ProviderId = summary.ProviderId,
        Status = summary.Status.ToString(),
        DryRun = dryRun,
        Discovered = summary.Discovered,
        ModelsDevId = summary.ModelsDevId,
        Added = summary.AddedOfferings,
        Updated = summary.UpdatedOfferings,
        Removed = summary.RemovedOfferings,
        Definitions = summary.AddedDefinitions + summary.UpdatedDefinitions,
        Reason = summary.Reason,
        Changes = summary.Changes is { } changes ? [.. StarmapChange.From(summary.ProviderId, changes)] : [],
        StartedAt = startedAt,
        DurationMs = Math.Round(summary.Duration.TotalMilliseconds, 1),
    };

    internal static StarmapSyncResult From(SyncResult result) => new()
    {
        ProviderId = result.ProviderId,
        Status = result.Status.ToString(),
        DryRun = result.DryRun,
        Added = result.Changes.AddedOfferings.Count,
        Updated = result.Changes.UpdatedOfferings.Count,
        Removed = result.Changes.RemovedOfferings.Count,
        Definitions = result.Changes.AddedDefinitions.Count + result.Changes.UpdatedDefinitions.Count,
        Reason = result.Reason,
        Changes = [.. StarmapChange.From(result.ProviderId, result.Changes)],
        Quarantined = [.. result.Changes.Quarantined.Select(StarmapQuarantine.From)],
        Released = [.. result.Changes.Released.Select(StarmapQuarantine.From)],
        Sources = [.. result.Sources.Select(StarmapSourceReport.From)],
        Warnings = [.. result.Warnings],
        StartedAt = result.StartedAt,
        DurationMs = Math.Round(result.Duration.TotalMilliseconds, 1),
        Generation = result.Generation,
    };
}
