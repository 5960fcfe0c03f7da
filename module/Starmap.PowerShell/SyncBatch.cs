using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Where a sync batch reports: the cmdlet's pipeline, or a job's collections.</summary>
internal interface ISyncSink
{
    void Output(StarmapSyncResult result);
    void Warning(string message);
    void Verbose(string message);
    void Error(ErrorRecord error);
    void Progress(ProgressRecord progress);
}

/// <summary>One provider to sync and whether only as a dry run.</summary>
internal sealed record SyncWork(string ProviderId, bool DryRun);

/// <summary>
/// Syncs providers a few at a time and reports each result as it completes. Every report happens on
/// the calling thread (PowerShell allows pipeline writes only there); only the grain calls run in parallel.
/// </summary>
internal sealed class SyncBatch(IReadOnlyList<SyncWork> work, IReadOnlyList<string> sources, bool force, bool passThru, int throttle)
{
    private const int ProgressId = 4711;

    public void Run(ISyncSink sink, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, throttle));
        var running = work.Select(w => (Work: w, Task: RunOne(w, gate, cancellationToken))).ToList();
        var done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Progress from the start, and again every second while nothing completes: the first provider can
        // take a while (a slow API, a models.dev download), and a bar that appears only then looks hung.
        Progress(sink, done, running, clock);
        while (running.Count > 0)
        {
            var index = Task.WaitAny([.. running.Select(r => (Task)r.Task)], 1000, cancellationToken);
            if (index < 0)
            {
                Progress(sink, done, running, clock);
                continue;
            }
            var (item, task) = running[index];
            running.RemoveAt(index);
            done++;
            Progress(sink, done, running, clock, item.ProviderId);
            Report(item, task, sink);
        }
        sink.Progress(new ProgressRecord(ProgressId, "Syncing providers", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private void Progress(ISyncSink sink, int done, List<(SyncWork Work, Task<StarmapSyncResult> Task)> running, System.Diagnostics.Stopwatch clock, string? finished = null)
    {
        var syncing = string.Join(", ", running.Take(Math.Max(1, throttle)).Select(r => r.Work.ProviderId));
        var status = finished is null
            ? $"{done} of {work.Count} done; syncing {syncing} ({clock.Elapsed.TotalSeconds:0} s)"
            : $"{finished} done ({done} of {work.Count})";
        sink.Progress(new ProgressRecord(ProgressId, "Syncing providers", status) { PercentComplete = 100 * done / work.Count });
    }

    private async Task<StarmapSyncResult> RunOne(SyncWork item, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SyncRunner.SyncAsync(item.ProviderId, sources, item.DryRun, force, "powershell", cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Report(SyncWork item, Task<StarmapSyncResult> task, ISyncSink sink)
    {
        if (task.Exception?.InnerException is StarmapCommandException failure)
        {
            if (failure.Kind is FailureKind.NotConnected or FailureKind.Connection)
            {
                throw failure;
            }
            sink.Error(StarmapCmdlet.ToRecord(failure));
            return;
        }
        Report(task.GetAwaiter().GetResult(), passThru || item.DryRun, sink);
    }

    /// <summary>One provider's result: its warnings, a warning when skipped, an error when refused, and the object when asked for.</summary>
    internal static void Report(StarmapSyncResult result, bool output, ISyncSink sink)
    {
        foreach (var warning in result.Warnings)
        {
            sink.Warning($"{result.ProviderId}: {warning}");
        }
        switch (result.Status)
        {
            case "Skipped":
                sink.Warning($"Sync of {result.ProviderId} skipped: {result.Reason}");
                break;
            case "Rejected":
                sink.Error(Error("SyncRejected", ErrorCategory.InvalidResult, result));
                break;
            case "Failed":
                sink.Error(Error("SyncFailed", ErrorCategory.NotSpecified, result));
                break;
            default:
                sink.Verbose($"Sync of {result.ProviderId}: {result.Status}, {result.Added} added, {result.Updated} updated, {result.Removed} removed, {result.Definitions} definitions");
                break;
        }
        if (output)
        {
            sink.Output(result);
        }
    }

    private static ErrorRecord Error(string id, ErrorCategory category, StarmapSyncResult result) =>
        new(new StarmapCommandException(FailureKind.Rejected, id, $"Sync of {result.ProviderId} {result.Status.ToLowerInvariant()}: {result.Reason}", result.ProviderId),
            id, category, result.ProviderId);
}
