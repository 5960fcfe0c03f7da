using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// The job Sync-StarmapProvider -AsJob returns: a real PowerShell job in the job repository, so
/// Get-Job, Wait-Job, Receive-Job and Stop-Job work on it. It runs in this process and uses the
/// session's connection; results, warnings, errors and progress land in the job's streams.
/// </summary>
public sealed class StarmapSyncJob : Job
{
    private readonly CancellationTokenSource _stop = new();
    // ErrorRecord has no public way to say which command it came from; Receive-Job keeps an InvocationInfo that is
    // set, so the job's errors read "Sync-StarmapProvider: ..." like a ThreadJob's, not "Receive-Job: ...".
    private static readonly System.Reflection.MethodInfo? SetInvocationInfo =
        typeof(ErrorRecord).GetMethod("SetInvocationInfo", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, [typeof(InvocationInfo)]);

    private readonly string _location;
    private readonly InvocationInfo _invocation;
    private string _status = "Not started";

    internal StarmapSyncJob(InvocationInfo invocation, string location) : base(invocation.Line.Trim())
    {
        PSJobTypeName = nameof(StarmapSyncJob);
        _location = location;
        _invocation = invocation;
    }

    /// <inheritdoc/>
    public override string StatusMessage => _status;

    /// <inheritdoc/>
    public override bool HasMoreData => Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0 || Progress.Count > 0;

    /// <inheritdoc/>
    public override string Location => _location;

    /// <inheritdoc/>
    public override void StopJob()
    {
        _stop.Cancel();
        Finished.WaitOne(TimeSpan.FromSeconds(10));
    }

    internal void Start(SyncBatch batch)
    {
        SetJobState(JobState.Running);
        _status = "Running";
        _ = Task.Run(() =>
        {
            try
            {
                batch.Run(new JobSink(this), _stop.Token);
                _status = "Completed";
                SetJobState(JobState.Completed);
            }
            catch (OperationCanceledException)
            {
                _status = "Stopped";
                SetJobState(JobState.Stopped);
            }
            catch (StarmapCommandException failure)
            {
                Error.Add(Labelled(StarmapCmdlet.ToRecord(failure)));
                _status = failure.Message;
                SetJobState(JobState.Failed);
            }
        });
    }

    // The error as its cmdlet wrote it: the command is named when the job's errors are shown (and in CategoryInfo.Activity).
    private ErrorRecord Labelled(ErrorRecord error)
    {
        error.CategoryInfo.Activity = _invocation.MyCommand?.Name ?? "Sync-StarmapProvider";
        SetInvocationInfo?.Invoke(error, [_invocation]);
        return error;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class JobSink(StarmapSyncJob job) : ISyncSink
    {
        public void Output(StarmapSyncResult result) => job.Output.Add(PSObject.AsPSObject(result));
        public void Warning(string message) => job.Warning.Add(new WarningRecord(message));
        public void Verbose(string message) => job.Verbose.Add(new VerboseRecord(message));
        public void Error(ErrorRecord error) => job.Error.Add(job.Labelled(error));
        public void Progress(ProgressRecord progress) => job.Progress.Add(progress);
    }
}
