namespace Starmap;

/// <summary>
/// One sync started with <see cref="IProviderSyncGrain.StartSyncAsync"/>: a caller polls it until it is
/// <see cref="SyncRunState.Completed"/>, so a sync longer than any one call's response timeout still
/// reports its result.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-run")]
public sealed record SyncRun
{
    /// <summary>ID to poll the run by (unique per provider).</summary>
    [Id(0)] public required string RunId { get; init; }

    /// <summary>The provider syncing.</summary>
    [Id(1)] public required string ProviderId { get; init; }

    /// <summary>Where the run is.</summary>
    [Id(2)] public SyncRunState State { get; init; }

    /// <summary>True for a dry run.</summary>
    [Id(3)] public bool DryRun { get; init; }

    /// <summary>Who asked (cmdlet, http, schedule...).</summary>
    [Id(4)] public string? Trigger { get; init; }

    /// <summary>When the sync grain accepted the run.</summary>
    [Id(5)] public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The result, once <see cref="State"/> is <see cref="SyncRunState.Completed"/>.</summary>
    [Id(6)] public SyncResult? Result { get; init; }
}

/// <summary>Where a started sync is.</summary>
[GenerateSerializer, Alias("starmap.sync-run-state")]
public enum SyncRunState
{
    /// <summary>Waiting for an earlier sync of the same provider to finish.</summary>
    Queued = 0,
    /// <summary>Fetching, reconciling or applying.</summary>
    Running = 1,
    /// <summary>Done; <see cref="SyncRun.Result"/> says how it ended.</summary>
    Completed = 2,
}
