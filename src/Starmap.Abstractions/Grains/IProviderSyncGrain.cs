using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// Syncs one provider (key: provider ID) from its API and models.dev. Fetching runs in this grain's
/// turn, not the provider grain's, so reads of the provider never wait on a slow API; concurrent
/// syncs of one provider run one after another. Applying is one atomic provider-grain write.
/// </summary>
[Alias("starmap.IProviderSyncGrain")]
public interface IProviderSyncGrain : IGrainWithStringKey
{
    /// <summary>
    /// Fetches, reconciles, diffs and (unless a dry run) applies, answering when done. A sync can take
    /// longer than a caller's response timeout: remote callers use <see cref="StartSyncAsync"/>.
    /// </summary>
    [Alias("SyncAsync")]
    Task<SyncResult> SyncAsync(SyncRequest request);

    /// <summary>
    /// Starts a sync and returns at once with its run (queued behind an earlier sync of this provider, or
    /// running). Unknown providers and sources are refused here, as by <see cref="SyncAsync"/>; poll the
    /// run with <see cref="WaitRunAsync"/> for the result. Never waits behind a running sync: runs take
    /// turns among themselves, not the caller.
    /// </summary>
    [AlwaysInterleave, Alias("StartSyncAsync")]
    Task<SyncRun> StartSyncAsync(SyncRequest request);

    /// <summary>
    /// The run <paramref name="runId"/> once it completes, or as it stands after <paramref name="wait"/>
    /// (zero: at once); null when this grain holds no such run (unknown, or forgotten after a restart).
    /// Keep <paramref name="wait"/> below the caller's response timeout.
    /// </summary>
    [AlwaysInterleave, Alias("WaitRunAsync")]
    Task<SyncRun?> WaitRunAsync(string runId, TimeSpan wait);

    /// <summary>The last real (not dry-run) sync's outcome, or null when none ran; answers while a sync is running.</summary>
    [AlwaysInterleave, Alias("GetLastOutcomeAsync")]
    Task<SyncOutcome?> GetLastOutcomeAsync();

    /// <summary>The last <paramref name="last"/> real syncs' outcomes, newest first (the grain keeps up to 50).</summary>
    [AlwaysInterleave, Alias("GetHistoryAsync")]
    Task<EquatableArray<SyncOutcome>> GetHistoryAsync(int last);

    /// <summary>The schedule; answers while a sync is running.</summary>
    [AlwaysInterleave, Alias("GetScheduleAsync")]
    Task<SyncSchedule> GetScheduleAsync();

    /// <summary>Schedules syncs every <paramref name="interval"/> (at least the cluster's minimum reminder period).</summary>
    [Alias("SetScheduleAsync")]
    Task<SyncSchedule> SetScheduleAsync(TimeSpan interval);

    /// <summary>Stops scheduled syncs; the last outcome is kept.</summary>
    [Alias("RemoveScheduleAsync")]
    Task<SyncSchedule> RemoveScheduleAsync();
}
