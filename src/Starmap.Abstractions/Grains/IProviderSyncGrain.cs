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
    /// <summary>Fetches, reconciles, diffs and (unless a dry run) applies.</summary>
    [Alias("SyncAsync")]
    Task<SyncResult> SyncAsync(SyncRequest request);

    /// <summary>The last sync's outcome, or null when none ran; answers while a sync is running.</summary>
    [AlwaysInterleave, Alias("GetLastOutcomeAsync")]
    Task<SyncOutcome?> GetLastOutcomeAsync();

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
