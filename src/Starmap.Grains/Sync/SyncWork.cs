namespace Starmap.Grains.Sync;

/// <summary>
/// Where work a sync causes outside its engine runs: the storage's writes of what it changed and the registry's
/// change-log entries for them. For a call a sync made (the origin in the request context, which Orleans carries
/// from the sync grain to the entity grains and the registry) that work runs on the sync's low-priority threads
/// (<see cref="BackgroundCpu"/>), as the engine's computing does: measured, it was most of what a sync still ran at
/// normal priority, which is what point reads during a sync compete with. Every other write (a cmdlet, a client, a
/// restore, the seed, a file import) runs where it was made, at once: a whole-catalog import the caller waits on,
/// written at idle priority on a loaded machine, outlasted a grain call's 30-s timeout (CI).
/// </summary>
public static class SyncWork
{
    /// <summary>The sync's scheduler when the current call was made by a sync; otherwise null (the caller's thread).</summary>
    public static TaskScheduler? SchedulerForCurrentCall() =>
        RequestContext.Get(ChangeOrigins.RequestContextKey) is ChangeOrigins.Sync ? BackgroundCpu.Shared : null;

    /// <summary>Runs <paramref name="work"/> on the sync's threads for a call a sync made, otherwise here and now.</summary>
    internal static Task<T> RunAsync<T>(Func<T> work) =>
        SchedulerForCurrentCall() is not null ? BackgroundCpu.Shared.RunAsync(work) : Task.FromResult(work());
}
