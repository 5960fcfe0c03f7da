using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Starmap.Catalog.Validation;
using Starmap.Grains.State;

namespace Starmap.Grains.Sync;

/// <summary>
/// One provider's syncs and schedule. Non-reentrant, so two sync requests for one provider run one
/// after the other; status reads interleave. The fetch happens here, outside the provider grain.
/// </summary>
[GrainType(GrainTypes.ProviderSync)]
internal sealed class ProviderSyncGrain(
    [PersistentState("sync", StorageNames.Catalog)] IPersistentState<ProviderSyncState> state,
    ISyncEngine engine,
    StarmapMetrics metrics,
    IOptions<ReminderOptions> reminders,
    TimeProvider timeProvider,
    ILogger<ProviderSyncGrain> logger) : Grain, IProviderSyncGrain, IRemindable, IDisposable
{
    internal const string ReminderName = "sync";

    /// <summary>How long a finished run stays pollable (while this activation lives).</summary>
    internal static readonly TimeSpan KeepFinishedRuns = TimeSpan.FromMinutes(10);

    private const int MaxKeptRuns = 32;

    /// <summary>Real sync outcomes kept per provider (Get-StarmapSyncHistory); older ones are dropped.</summary>
    internal const int MaxHistory = 50;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Dictionary<string, ActiveRun> _runs = new(StringComparer.Ordinal);

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IdRules.ValidateProviderId(Id, "provider key");
        return Task.CompletedTask;
    }

    public async Task<SyncResult> SyncAsync(SyncRequest request) => await Start(request ?? new SyncRequest()).Completion;

    public async Task<SyncRun> StartSyncAsync(SyncRequest request)
    {
        request ??= new SyncRequest();
        // Refuse what the run would refuse before accepting it, so the caller gets the error, not a run.
        await engine.CheckAsync(Id, request);
        return Start(request).Snapshot();
    }

    public async Task<SyncRun?> WaitRunAsync(string runId, TimeSpan wait)
    {
        if (!_runs.TryGetValue(runId ?? "", out var run))
        {
            return null;
        }
        if (wait > TimeSpan.Zero && !run.Completion.IsCompleted)
        {
            await Task.WhenAny(run.Completion, Task.Delay(wait));
        }
        return run.Snapshot();
    }

    // Runs one after another (a background run and requests interleave at awaits, so a gate, not the
    // grain's turn, keeps two syncs of this provider apart); finished runs stay pollable for a while.
    private ActiveRun Start(SyncRequest request)
    {
        ForgetOldRuns();
        var run = new ActiveRun(Guid.NewGuid().ToString("N"), Id, request, timeProvider.GetUtcNow());
        _runs[run.RunId] = run;
        run.Completion = RunAsync(run);
        // A run nobody polls must not leave an unobserved exception behind.
        _ = run.Completion.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        return run;
    }

    private async Task<SyncResult> RunAsync(ActiveRun run)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            run.Running = true;
            var request = run.Request;
            // The change log records what the sync wrote as a sync, whoever started it, unless it is a file import's.
            if (RequestContext.Get(ChangeOrigins.RequestContextKey) is not ChangeOrigins.Import)
            {
                RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Sync);
            }
            using var scope = logger.BeginScope("provider {ProviderId}", Id);
            var result = await engine.RunAsync(Id, request, CancellationToken.None);
            // The silo's own rehearsal after its start (SyncRehearsal) is no sync anyone asked for: no metric, no log line.
            if (request is not { DryRun: true, Trigger: SyncRehearsal.Trigger })
            {
                metrics.RecordSync(result);
                SyncLog.SyncFinished(logger, Id, request.Trigger ?? "call", result.Status, result.Changes.Count, result.Reason is null ? "" : ": " + result.Reason);
            }
            // A dry run (and so Test-StarmapProvider) reports; only a real sync is the last outcome.
            if (!request.DryRun)
            {
                var outcome = SyncOutcome.From(result) with { Trigger = request.Trigger };
                await WriteAsync(s => s with
                {
                    LastOutcome = outcome,
                    History = [outcome, .. s.History.Take(MaxHistory - 1)],
                });
            }
            return result;
        }
        finally
        {
            run.Finished = timeProvider.GetUtcNow();
            _oneAtATime.Release();
            // Keep the finished run pollable even if no call arrives for a while.
            DelayDeactivation(KeepFinishedRuns);
        }
    }

    private void ForgetOldRuns()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (id, run) in _runs.Where(r => r.Value.Finished is { } finished && now - finished > KeepFinishedRuns).ToList())
        {
            _runs.Remove(id);
        }
        while (_runs.Count >= MaxKeptRuns && _runs.Values.Where(r => r.Finished is not null).MinBy(r => r.Finished) is { } oldest)
        {
            _runs.Remove(oldest.RunId);
        }
    }

    // Background runs interleave with requests, so state writes take turns explicitly.
    private async Task WriteAsync(Func<ProviderSyncState, ProviderSyncState> change)
    {
        await _writes.WaitAsync();
        try
        {
            await state.WriteOrRollbackAsync(change(state.State), this);
        }
        finally
        {
            _writes.Release();
        }
    }

    public Task<SyncOutcome?> GetLastOutcomeAsync() => Task.FromResult(state.State.LastOutcome);

    public Task<EquatableArray<SyncOutcome>> GetHistoryAsync(int last)
    {
        // State written before the history existed still has its last outcome.
        IEnumerable<SyncOutcome> history = state.State.History.Count == 0 && state.State.LastOutcome is { } only ? [only] : state.State.History;
        return Task.FromResult<EquatableArray<SyncOutcome>>([.. history.Take(Math.Max(0, last))]);
    }

    public Task<SyncSchedule> GetScheduleAsync() => ScheduleAsync();

    public async Task<SyncSchedule> SetScheduleAsync(TimeSpan interval)
    {
        var minimum = reminders.Value.MinimumReminderPeriod;
        if (interval < minimum)
        {
            throw new StarmapValidationException("interval", interval.ToString(), $"must be at least {minimum}");
        }
        if (interval > SyncSchedule.MaximumInterval)
        {
            throw new StarmapValidationException("interval", interval.ToString(), $"must be at most {SyncSchedule.MaximumInterval} (30 days)");
        }
        await this.RegisterOrUpdateReminder(ReminderName, interval, interval);
        await WriteAsync(s => s with { Interval = interval, Enabled = true });
        return await ScheduleAsync();
    }

    public async Task<SyncSchedule> RemoveScheduleAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        await WriteAsync(s => s with { Enabled = false });
        return await ScheduleAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            // The tick starts a run and returns: a long sync must not hold the grain's turn (calls would
            // queue behind it), and a failed run must not kill the reminder; the next tick tries again.
            var run = Start(new SyncRequest { Trigger = "schedule" });
            _ = run.Completion.ContinueWith(
                t => SyncLog.ScheduledSyncFailed(logger, t.Exception, Id),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _oneAtATime.Dispose();
        _writes.Dispose();
    }

    private async Task<SyncSchedule> ScheduleAsync()
    {
        var schedule = new SyncSchedule
        {
            ProviderId = Id,
            Enabled = state.State.Enabled,
            Interval = state.State.Interval,
            LastOutcome = state.State.LastOutcome,
        };
        return schedule.Enabled ? schedule with { NextRun = await NextRunAsync() } : schedule;
    }

    // The reminder's own due time, from the reminder table (the reminder handle names nothing else). A table
    // that does not answer leaves the next run unknown rather than failing the schedule read.
    private async Task<DateTimeOffset?> NextRunAsync()
    {
        if (ServiceProvider.GetService<IReminderTable>() is not { } table)
        {
            return null;
        }
        try
        {
            return await table.ReadRow(this.GetGrainId(), ReminderName) is { Period.Ticks: > 0 } entry
                ? ReminderClock.NextTick(entry.StartAt, entry.Period, timeProvider.GetUtcNow())
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SyncLog.ReminderUnreadable(logger, ex, Id);
            return null;
        }
    }

    private sealed class ActiveRun(string runId, string providerId, SyncRequest request, DateTimeOffset acceptedAt)
    {
        public string RunId { get; } = runId;

        public SyncRequest Request { get; } = request;

        public Task<SyncResult> Completion { get; set; } = Task.FromResult<SyncResult>(null!);

        public bool Running { get; set; }

        public DateTimeOffset? Finished { get; set; }

        // A run that threw (the provider was deleted meanwhile, a storage failure) reports Failed with the reason.
        public SyncRun Snapshot() => new()
        {
            RunId = RunId,
            ProviderId = providerId,
            DryRun = Request.DryRun,
            Trigger = Request.Trigger,
            AcceptedAt = acceptedAt,
            State = Completion.IsCompleted ? SyncRunState.Completed : Running ? SyncRunState.Running : SyncRunState.Queued,
            Result = !Completion.IsCompleted ? null
                : Completion.IsCompletedSuccessfully ? Completion.Result
                : new SyncResult
                {
                    ProviderId = providerId,
                    Status = SyncStatus.Failed,
                    DryRun = Request.DryRun,
                    Changes = new Changeset(),
                    Reason = Completion.Exception?.GetBaseException().Message ?? "the sync was cancelled",
                    StartedAt = acceptedAt,
                },
        };
    }
}
