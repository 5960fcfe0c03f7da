namespace Starmap;

/// <summary>
/// The catalog's past, from the change log (through the history grain: only silos hold the log): reads as
/// the catalog was at a generation or time, an offering's price history, the difference between two points,
/// and restoring a provider or author to an earlier state. A point the log cannot rebuild fails with
/// <see cref="StarmapHistoryRangeException"/>, naming the generations that can be read.
/// </summary>
public sealed class HistoryCollection
{
    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;

    internal HistoryCollection(IGrainFactory grains, CatalogSession session)
    {
        _grains = grains;
        _session = session;
    }

    private ICatalogHistoryGrain Grain => _grains.GetGrain<ICatalogHistoryGrain>(0);

    /// <summary>The generation <paramref name="point"/> names (a time: the newest generation published at or before it).</summary>
    public Task<long> ResolveAsync(CatalogPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Grain.ResolveAsync(point);
    }

    /// <summary>One offering as it was at <paramref name="point"/>; <see cref="StarmapNotFoundException"/> when it did not exist then.</summary>
    public async Task<CatalogModel> GetModelAsync(string providerId, string modelId, CatalogPoint point) =>
        await FindModelAsync(providerId, modelId, point) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>One offering as it was at <paramref name="point"/>, or null when it did not exist then.</summary>
    public async Task<CatalogModel?> FindModelAsync(string providerId, string modelId, CatalogPoint point)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var generation = await ResolveAsync(point);
        return await Grain.GetModelAsync(providerId, modelId, generation);
    }

    /// <summary>Filters, sorts and pages offerings as they were at <paramref name="point"/> (the page names that generation).</summary>
    public async Task<ModelPage> QueryModelsAsync(ModelQuery query, CatalogPoint point)
    {
        ArgumentNullException.ThrowIfNull(query);
        var generation = await ResolveAsync(point);
        return await Grain.QueryModelsAsync(query, generation);
    }

    /// <summary>Every price one offering had since the change log starts, oldest first.</summary>
    public async Task<PriceHistory> GetPriceHistoryAsync(string providerId, string modelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var history = await Grain.GetPriceHistoryAsync(providerId, modelId);
        _session.Saw(history.Generation);
        return history;
    }

    /// <summary>
    /// What differs between the catalog at <paramref name="from"/> and at <paramref name="to"/> (null: the newest
    /// generation): models added, removed and changed with their fields, per provider.
    /// </summary>
    public Task<CatalogComparison> CompareAsync(CatalogPoint from, CatalogPoint? to = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Grain.CompareAsync(from, to);
    }

    /// <summary>
    /// Restores a provider and its offerings to their state at <paramref name="point"/> as a new write; a dry
    /// run only returns the changeset. A provider that did not exist then is deleted only with <paramref name="force"/>.
    /// </summary>
    public async Task<RestoreResult> RestoreProviderAsync(string providerId, CatalogPoint point, bool dryRun = false, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        ArgumentNullException.ThrowIfNull(point);
        var result = await Grain.RestoreProviderAsync(providerId, point, dryRun, force);
        _session.Saw(result.Generation);
        return result;
    }

    /// <summary>As <see cref="RestoreProviderAsync"/>, for an author and its model definitions.</summary>
    public async Task<RestoreResult> RestoreAuthorAsync(string authorId, CatalogPoint point, bool dryRun = false, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorId);
        ArgumentNullException.ThrowIfNull(point);
        var result = await Grain.RestoreAuthorAsync(authorId, point, dryRun, force);
        _session.Saw(result.Generation);
        return result;
    }
}
