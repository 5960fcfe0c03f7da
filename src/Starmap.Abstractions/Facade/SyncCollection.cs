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

    private IProviderSyncGrain Grain(string providerId) => grains.GetGrain<IProviderSyncGrain>(providerId);

    /// <summary>Syncs one provider.</summary>
    public async Task<SyncResult> SyncAsync(string providerId, SyncRequest? request = null) =>
        _session.Saw(await Grain(providerId).SyncAsync(request ?? new SyncRequest()));

    /// <summary>
    /// Syncs every provider in the catalog, a few at a time. One provider's failure is reported in its
    /// own result and does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<SyncResult>> SyncAllAsync(SyncRequest? request = null, int parallelism = 4, CancellationToken cancellationToken = default)
    {
        var providers = _session.Saw(await _session.Reader(grains).ListProvidersAsync(_session.Seen));
        var results = new SyncResult[providers.Items.Count];
        await Parallel.ForAsync(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var id = providers.Items[i].Id;
                try
                {
                    results[i] = await SyncAsync(id, request);
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

    /// <summary>The last sync of one provider, or null.</summary>
    public Task<SyncOutcome?> GetLastOutcomeAsync(string providerId) => Grain(providerId).GetLastOutcomeAsync();

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
