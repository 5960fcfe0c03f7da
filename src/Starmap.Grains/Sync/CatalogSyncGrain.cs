using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Starmap.Grains.Catalog;
using Starmap.Sources;
using Starmap.Sources.ModelsDev;

namespace Starmap.Grains.Sync;

/// <summary>
/// Syncs every provider, each in its own <see cref="IProviderSyncGrain"/> (so it takes its turn with that
/// provider's other syncs), a few at a time, and with discover first plans the providers models.dev adds.
/// Runs go on in the background of this activation, one after another; callers start one and poll it, so
/// a run far longer than any call's response timeout still reports.
/// </summary>
[GrainType(GrainTypes.CatalogSync)]
internal sealed partial class CatalogSyncGrain(
    ModelsDevSource modelsDev,
    IOptions<SourceOptions> sourceOptions,
    TimeProvider clock,
    ILogger<CatalogSyncGrain> logger) : Grain, ICatalogSyncGrain, IRemindable, IDisposable
{
    internal const string ReminderName = "discover";

    /// <summary>Provider syncs running at once.</summary>
    internal const int Parallelism = 4;

    private static readonly TimeSpan KeepFinishedRuns = TimeSpan.FromMinutes(10);
    private const int MaxKeptRuns = 16;

    private static readonly HashSet<string> KnownSources = [SourceIds.ProviderApi, SourceIds.ModelsDev, SourceIds.Local];

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<string, ActiveRun> _runs = new(StringComparer.Ordinal);

    public Task<CatalogSyncRun> StartAsync(SyncAllRequest request)
    {
        request ??= new SyncAllRequest();
        CheckSources(request.Sources);
        if (request.Discover && !request.Sources.IsEmpty && !request.Sources.Contains(SourceIds.ModelsDev))
        {
            throw new StarmapValidationException("discover", "true", "finds providers on models.dev, so the sources must include models.dev");
        }
        return Task.FromResult(Start(request, null).Snapshot());
    }

    public Task<CatalogSyncRun> StartModelsDevImportAsync(string document, SyncAllRequest request)
    {
        request ??= new SyncAllRequest();
        if (!request.Sources.IsEmpty && request.Sources is not [SourceIds.ModelsDev])
        {
            throw new StarmapValidationException("sources", string.Join(",", request.Sources), "an import of a models.dev file reads only models.dev");
        }
        var import = ModelsDevImport.Read(document, sourceOptions.Value.CatalogLimits);
        var run = Start(request with { Discover = true, Sources = [SourceIds.ModelsDev], Trigger = request.Trigger ?? "import" }, import);
        return Task.FromResult(run.Snapshot());
    }

    public async Task<CatalogSyncRun?> WaitRunAsync(string runId, TimeSpan wait)
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

    public async Task SetDiscoverScheduleAsync(TimeSpan? interval)
    {
        if (interval is { } every)
        {
            await this.RegisterOrUpdateReminder(ReminderName, every, every);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            // Start and return: a long run must not hold this grain's turn, and a failed one must not end the reminder.
            _ = Start(new SyncAllRequest { Discover = true, Trigger = "schedule" }, null);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _oneAtATime.Dispose();

    private ActiveRun Start(SyncAllRequest request, ModelsDevImport? import)
    {
        ForgetOldRuns();
        var run = new ActiveRun(Guid.NewGuid().ToString("N"), request, clock.GetUtcNow());
        _runs[run.RunId] = run;
        run.Completion = RunAsync(run, import);
        // A run nobody polls must not leave an unobserved exception behind.
        _ = run.Completion.ContinueWith(t => LogRunFailed(logger, t.Exception), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        return run;
    }

    private async Task<CatalogSyncResult> RunAsync(ActiveRun run, ModelsDevImport? import)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            run.Running = true;
            var request = run.Request;
            var started = clock.GetUtcNow();
            // A models.dev file imported is recorded in the change log as an import; the provider syncs say sync otherwise.
            if (import is not null)
            {
                RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Import);
            }
            var warnings = new List<string>();
            var existing = (await CatalogReads.NewestAsync(GrainFactory, (reader, generation) => reader.ListProvidersAsync(generation))).Items;
            var snapshot = import?.Snapshot ?? (request.Discover ? await DiscoverAsync(warnings) : null);
            var plans = CatalogSyncPlan.Build(existing, snapshot, import?.Documents, warnings);
            run.Total = plans.Count;

            var summaries = new ProviderSyncSummary[plans.Count];
            long? generation = null;
            using var slots = new SemaphoreSlim(Parallelism, Parallelism);
            await Task.WhenAll(plans.Select(async (plan, i) =>
            {
                await slots.WaitAsync();
                try
                {
                    var result = await SyncAsync(plan, request);
                    if (result.Generation is { } written && written > (generation ?? 0))
                    {
                        generation = written;
                    }
                    summaries[i] = Summarize(plan, result, request.IncludeChanges);
                }
                finally
                {
                    run.Done++;
                    slots.Release();
                }
            }));

            var result = new CatalogSyncResult
            {
                DryRun = request.DryRun,
                Discover = request.Discover,
                Providers = [.. summaries],
                Totals = SyncTotals.Of(summaries),
                Warnings = [.. warnings],
                StartedAt = started,
                Duration = clock.GetUtcNow() - started,
                Generation = generation,
            };
            LogRunEnded(logger, request.Trigger ?? "call", request.DryRun, result.Totals.Providers, result.Totals.Discovered,
                result.Totals.Applied, result.Totals.Rejected + result.Totals.Failed, result.Duration);
            return result;
        }
        finally
        {
            run.Finished = clock.GetUtcNow();
            _oneAtATime.Release();
            DelayDeactivation(KeepFinishedRuns);
        }
    }

    /// <summary>models.dev's providers, or null (with a warning) when it cannot be read: the catalog's own providers still sync.</summary>
    private async Task<ModelsDevSnapshot?> DiscoverAsync(List<string> warnings)
    {
        try
        {
            return (await modelsDev.GetSnapshotAsync()).Snapshot;
        }
        catch (SourceException ex)
        {
            warnings.Add($"no provider was discovered: models.dev could not be read ({ex.Message})");
            return null;
        }
    }

    private async Task<SyncResult> SyncAsync(PlannedSync plan, SyncAllRequest request)
    {
        try
        {
            return await ProviderSyncCalls.RunAsync(GrainFactory, plan.ProviderId, new SyncRequest
            {
                DryRun = request.DryRun,
                Force = request.Force,
                Sources = request.Sources,
                Trigger = request.Trigger,
                NewProvider = plan.NewProvider,
                ModelsDevDocument = plan.Document,
            });
        }
        catch (Exception ex)
        {
            // One provider's failure is its own entry; the others go on.
            return new SyncResult
            {
                ProviderId = plan.ProviderId,
                Status = SyncStatus.Failed,
                DryRun = request.DryRun,
                Changes = new Changeset(),
                Reason = ex.Message,
                StartedAt = clock.GetUtcNow(),
            };
        }
    }

    private static ProviderSyncSummary Summarize(PlannedSync plan, SyncResult result, bool includeChanges)
    {
        var isNew = plan.NewProvider is not null;
        var created = isNew && result.Status is SyncStatus.Applied or SyncStatus.DryRun;
        var summary = ProviderSyncSummary.From(result, created, isNew && plan.ModelsDevId != plan.ProviderId ? plan.ModelsDevId : null, includeChanges);
        return isNew && !created ? summary with { Reason = $"not created: {result.Reason ?? result.Status.ToString()}" } : summary;
    }

    private static void CheckSources(EquatableArray<string> sources)
    {
        foreach (var source in sources)
        {
            if (!KnownSources.Contains(source))
            {
                throw new StarmapValidationException("sources", source, $"is not a source; use {string.Join(", ", KnownSources.Order())}");
            }
        }
    }

    private void ForgetOldRuns()
    {
        var now = clock.GetUtcNow();
        foreach (var id in _runs.Where(r => r.Value.Finished is { } finished && now - finished > KeepFinishedRuns).Select(r => r.Key).ToList())
        {
            _runs.Remove(id);
        }
        while (_runs.Count >= MaxKeptRuns && _runs.Values.Where(r => r.Finished is not null).MinBy(r => r.Finished) is { } oldest)
        {
            _runs.Remove(oldest.RunId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of every provider ({Trigger}, dry run {DryRun}): {Providers} providers, {Discovered} discovered, {Applied} applied, {Failed} rejected or failed, in {Duration}")]
    private static partial void LogRunEnded(ILogger logger, string trigger, bool dryRun, int providers, int discovered, int applied, int failed, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Error, Message = "A sync of every provider failed")]
    private static partial void LogRunFailed(ILogger logger, Exception? exception);

    private sealed class ActiveRun(string runId, SyncAllRequest request, DateTimeOffset acceptedAt)
    {
        public string RunId { get; } = runId;

        public SyncAllRequest Request { get; } = request;

        public Task<CatalogSyncResult> Completion { get; set; } = Task.FromResult<CatalogSyncResult>(null!);

        public bool Running { get; set; }

        public int Total { get; set; }

        public int Done { get; set; }

        public DateTimeOffset? Finished { get; set; }

        public CatalogSyncRun Snapshot() => new()
        {
            RunId = RunId,
            DryRun = Request.DryRun,
            Discover = Request.Discover,
            Trigger = Request.Trigger,
            AcceptedAt = acceptedAt,
            Total = Total,
            Done = Done,
            State = Completion.IsCompleted ? SyncRunState.Completed : Running ? SyncRunState.Running : SyncRunState.Queued,
            Result = !Completion.IsCompleted ? null
                : Completion.IsCompletedSuccessfully ? Completion.Result
                : new CatalogSyncResult
                {
                    DryRun = Request.DryRun,
                    Discover = Request.Discover,
                    Totals = new SyncTotals(),
                    Warnings = [$"the run failed: {Completion.Exception?.GetBaseException().Message ?? "cancelled"}"],
                    StartedAt = acceptedAt,
                },
        };
    }
}
