namespace Starmap.Grains.Sync;

/// <summary>How a caller inside the silo runs one provider's sync in its <see cref="IProviderSyncGrain"/> and waits for the result.</summary>
internal static class ProviderSyncCalls
{
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Starts the run, then polls it until it completes: a run may outlast any one call's response timeout (a slow
    /// provider API, a queue of syncs of the same provider), so no call waits for all of it.
    /// </summary>
    public static async Task<SyncResult> RunAsync(IGrainFactory grains, string providerId, SyncRequest request)
    {
        var grain = grains.GetGrain<IProviderSyncGrain>(providerId);
        var run = await grain.StartSyncAsync(request);
        while (run is not { State: SyncRunState.Completed, Result: not null })
        {
            run = await grain.WaitRunAsync(run.RunId, PollWait)
                ?? throw new InvalidOperationException($"the sync run of {providerId} was lost (its silo stopped)");
        }
        return run.Result;
    }
}
