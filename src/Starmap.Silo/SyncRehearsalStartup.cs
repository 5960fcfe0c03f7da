using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Starmap.Grains.Sync;

namespace Starmap.Silo;

/// <summary>
/// Runs the <see cref="SyncRehearsal"/> once the silo is ready (after its ready line), when
/// <see cref="SyncScheduleOptions.Rehearse"/> is on. A failure is logged and changes nothing: the rehearsal
/// only saves the first real sync time.
/// </summary>
internal sealed partial class SyncRehearsalStartup(
    SyncRehearsal rehearsal,
    SyncScheduleOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<SyncRehearsalStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Rehearse)
        {
            return;
        }
        // Not before the ready line: starting the silo keeps its cores.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => ready.TrySetResult()))
        using (stoppingToken.Register(() => ready.TrySetCanceled(stoppingToken)))
        {
            await ready.Task.ConfigureAwait(false);
        }
        try
        {
            var done = await rehearsal.RunAsync(stoppingToken).ConfigureAwait(false);
            // The rehearsal's garbage (as much as a sync's) would otherwise stay mapped: measured, a seeded silo held
            // 412-425 MB after it against 282 MB without it, and 277-290 MB after this one collection. It is a
            // pause of its own, once, after the start.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            LogRehearsed(done.Providers, done.Changes, done.Failed, done.Generation, (long)done.Duration.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Rehearsed a sync of {Providers} providers at generation {Generation} in {Milliseconds} ms: {Changes} changes found and none applied, {Failed} failed (the first real sync runs compiled code)")]
    private partial void LogRehearsed(int providers, int changes, int failed, long generation, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sync rehearsal failed; nothing was written, and the first sync will only be slower")]
    private partial void LogFailed(Exception exception);
}
