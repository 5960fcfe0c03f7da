using Orleans.Concurrency;
using Starmap.Grains.Catalog;

namespace Starmap.Grains.History;

/// <summary>
/// <see cref="ICatalogHistoryGrain"/>: a stateless worker per silo over that silo's <see cref="CatalogHistory"/>,
/// so past reads run where the replica and its cached past snapshots are, and no single activation is in the way.
/// </summary>
[StatelessWorker, GrainType("starmap.catalog-history")]
internal sealed class CatalogHistoryGrain(CatalogHistory history, CatalogReplica replica) : Grain, ICatalogHistoryGrain
{
    public Task<long> ResolveAsync(CatalogPoint point) => history.ResolveAsync(point);

    public async Task<CatalogModel?> GetModelAsync(string providerId, string modelId, long generation)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        return (await history.AtAsync(generation)).FindModel(providerId, modelId);
    }

    public async Task<ModelPage> QueryModelsAsync(ModelQuery query, long generation)
    {
        if (query is null)
        {
            throw new StarmapValidationException("query", null, "is required");
        }
        return (await history.AtAsync(generation)).Query(query with { MinGeneration = 0 });
    }

    public Task<PriceHistory> GetPriceHistoryAsync(string providerId, string modelId) =>
        PriceHistories.ReadAsync(history, replica, providerId, modelId);

    public async Task<CatalogComparison> CompareAsync(CatalogPoint from, CatalogPoint? to)
    {
        ArgumentNullException.ThrowIfNull(from);
        var before = await history.AtAsync(from);
        var after = to is null ? await history.AtAsync((await history.RangeAsync()).Newest) : await history.AtAsync(to);
        return CatalogComparer.Compare(before, after);
    }

    public Task<RestoreResult> RestoreProviderAsync(string providerId, CatalogPoint point, bool dryRun, bool force) =>
        Restores.ProviderAsync(GrainFactory, history, providerId, point, dryRun, force);

    public Task<RestoreResult> RestoreAuthorAsync(string authorId, CatalogPoint point, bool dryRun, bool force) =>
        Restores.AuthorAsync(GrainFactory, history, authorId, point, dryRun, force);
}
