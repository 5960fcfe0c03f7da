namespace Starmap;

/// <summary>Provider syncs and their schedules.</summary>
public sealed class SyncCollection
{
    private readonly IGrainFactory grains;
    private readonly CatalogSession _session;

    internal SyncCollection(IGrainFactory grains, CatalogSession session)
    {
        this.grains = grains;
        _session = session;
    }

    private IProviderSyncGrain Grain(string providerId) => grains.GetGrain<IProviderSyncGrain>(GrainKeys.Check(providerId, "provider key"));

    /// <summary>
    /// Syncs one provider: starts the sync in its grain, then waits for the result with short calls, so a
    /// sync longer than the client's response timeout still completes and reports. To stop waiting
    /// (not the sync), use <see cref="StartAsync"/> and <see cref="WaitAsync"/> with a token.
    /// </summary>
    public async Task<SyncResult> SyncAsync(string providerId, SyncRequest? request = null)
    {
        var run = await StartAsync(providerId, request);
        return await WaitAsync(providerId, run.RunId);
    }

    /// <summary>Starts a sync of one provider and returns at once with its run; unknown providers and sources throw here.</summary>
    public Task<SyncRun> StartAsync(string providerId, SyncRequest? request = null) =>
        Grain(providerId).StartSyncAsync(request ?? new SyncRequest());

    /// <summary>A started run as it stands, waiting up to <paramref name="wait"/> for it to complete; null when the grain holds no such run.</summary>
    public Task<SyncRun?> GetRunAsync(string providerId, string runId, TimeSpan wait = default) =>
        Grain(providerId).WaitRunAsync(runId, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);

    /// <summary>
    /// Waits for a started run's result, however long the sync takes (until <paramref name="cancellationToken"/>).
    /// Throws <see cref="StarmapNotFoundException"/> when the run is gone (its silo restarted meanwhile).
    /// </summary>
    public async Task<SyncResult> WaitAsync(string providerId, string runId, CancellationToken cancellationToken = default)
    {
        var timeouts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SyncRun? run;
            try
            {
                // Each call waits at most PollWait in the grain: well inside any sane response timeout.
                run = await Grain(providerId).WaitRunAsync(runId, PollWait).WaitAsync(cancellationToken);
                timeouts = 0;
            }
            catch (TimeoutException) when (++timeouts < 3)
            {
                continue;
            }
            if (run is null)
            {
                throw new StarmapNotFoundException("sync run", runId);
            }
            if (run.State == SyncRunState.Completed && run.Result is { } result)
            {
                return _session.Saw(result);
            }
        }
    }

    /// <summary>Longest wait of one poll in <see cref="WaitAsync"/>.</summary>
    public static TimeSpan PollWait { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Syncs every provider in the catalog, a few at a time. One provider's failure is reported in its
    /// own result and does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<SyncResult>> SyncAllAsync(SyncRequest? request = null, int parallelism = 4, CancellationToken cancellationToken = default)
    {
        var providers = _session.Saw(await _session.Reader(grains).ListProvidersAsync(_session.Seen));
        var results = new SyncResult[providers.Items.Count];
        await Parallel.ForAsync(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var id = providers.Items[i].Id;
                try
                {
                    var run = await StartAsync(id, request);
                    results[i] = await WaitAsync(id, run.RunId, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results[i] = new SyncResult
                    {
                        ProviderId = id,
                        Status = SyncStatus.Failed,
                        DryRun = request?.DryRun ?? false,
                        Changes = new Changeset(),
                        Reason = ex.Message,
                    };
                }
            });
        return results;
    }

    private ICatalogSyncGrain CatalogSync => grains.GetGrain<ICatalogSyncGrain>(CatalogKeys.Default);

    /// <summary>
    /// Syncs every provider in the catalog in the cluster and, with <see cref="SyncAllRequest.Discover"/>,
    /// first creates every provider models.dev lists that the catalog lacks (a dry run only reports them).
    /// One provider's failure is its own entry. Waits however long it takes, with short calls; cancelling
    /// stops the wait, not the run.
    /// </summary>
    public async Task<CatalogSyncResult> SyncAllAsync(SyncAllRequest request, CancellationToken cancellationToken = default)
    {
        var run = await StartAllAsync(request);
        return await WaitAllAsync(run.RunId, progress: null, cancellationToken);
    }

    /// <summary>Starts a sync of every provider and returns at once with its run.</summary>
    public Task<CatalogSyncRun> StartAllAsync(SyncAllRequest? request = null) => CatalogSync.StartAsync(request ?? new SyncAllRequest());

    /// <summary>
    /// Imports a models.dev <c>api.json</c>: creates the providers it lists that the catalog lacks and merges
    /// each provider's models as a models.dev sync would (a dry run returns the changesets and writes
    /// nothing). A text that is not a models.dev file throws <see cref="StarmapValidationException"/>.
    /// </summary>
    public async Task<CatalogSyncResult> ImportModelsDevAsync(string document, SyncAllRequest? request = null, IProgress<CatalogSyncRun>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = await StartModelsDevImportAsync(document, request);
        return await WaitAllAsync(run.RunId, progress, cancellationToken);
    }

    /// <summary>Starts a models.dev import and returns at once with its run.</summary>
    public Task<CatalogSyncRun> StartModelsDevImportAsync(string document, SyncAllRequest? request = null) =>
        CatalogSync.StartModelsDevImportAsync(document, request ?? new SyncAllRequest());

    /// <summary>A started catalog-wide run as it stands, waiting up to <paramref name="wait"/>; null when it is unknown.</summary>
    public Task<CatalogSyncRun?> GetAllRunAsync(string runId, TimeSpan wait = default) =>
        CatalogSync.WaitRunAsync(runId, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);

    /// <summary>
    /// Waits for a catalog-wide run, reporting each poll to <paramref name="progress"/> (providers done of
    /// the total). Throws <see cref="StarmapNotFoundException"/> when the run is gone (its silo restarted).
    /// </summary>
    public async Task<CatalogSyncResult> WaitAllAsync(string runId, IProgress<CatalogSyncRun>? progress = null, CancellationToken cancellationToken = default)
    {
        var timeouts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CatalogSyncRun? run;
            try
            {
                run = await CatalogSync.WaitRunAsync(runId, PollWait).WaitAsync(cancellationToken);
                timeouts = 0;
            }
            catch (TimeoutException) when (++timeouts < 3)
            {
                continue;
            }
            if (run is null)
            {
                throw new StarmapNotFoundException("sync run", runId);
            }
            progress?.Report(run);
            if (run.State == SyncRunState.Completed && run.Result is { } result)
            {
                if (result.Generation is { } generation)
                {
                    _session.Saw(generation);
                }
                return result;
            }
        }
    }

    /// <summary>The last sync of one provider, or null.</summary>
    public Task<SyncOutcome?> GetLastOutcomeAsync(string providerId) => Grain(providerId).GetLastOutcomeAsync();

    /// <summary>The last <paramref name="last"/> real syncs of one provider, newest first (up to 50 are kept).</summary>
    public Task<EquatableArray<SyncOutcome>> GetHistoryAsync(string providerId, int last = 10) => Grain(providerId).GetHistoryAsync(last);

    /// <summary>Schedules of every provider in the catalog, sorted by provider ID.</summary>
    public async Task<IReadOnlyList<SyncSchedule>> ListSchedulesAsync()
    {
        var providers = _session.Saw(await _session.Reader(grains).ListProvidersAsync(_session.Seen));
        return await Task.WhenAll(providers.Items.Select(p => Grain(p.Id).GetScheduleAsync()));
    }

    /// <summary>The schedule of one provider.</summary>
    public Task<SyncSchedule> GetScheduleAsync(string providerId) => Grain(providerId).GetScheduleAsync();

    /// <summary>Schedules syncs of one provider every <paramref name="interval"/>.</summary>
    public Task<SyncSchedule> SetScheduleAsync(string providerId, TimeSpan interval) => Grain(providerId).SetScheduleAsync(interval);

    /// <summary>Stops scheduled syncs of one provider.</summary>
    public Task<SyncSchedule> RemoveScheduleAsync(string providerId) => Grain(providerId).RemoveScheduleAsync();
}
