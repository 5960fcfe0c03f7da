using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Starmap.Grains.Catalog;

/// <summary>
/// <see cref="IChangeLogGrain"/>: a stateless worker per silo over that silo's <see cref="IChangeLogStore"/>,
/// so clients and the module read the log without a store of their own. Without a store the log reads as empty.
/// </summary>
[StatelessWorker, GrainType("starmap.change-log")]
internal sealed class ChangeLogGrain(IServiceProvider services) : Grain, IChangeLogGrain
{
    private readonly IChangeLogStore? _store = services.GetService<IChangeLogStore>();

    public async Task<ChangePage> QueryAsync(ChangeQuery query)
    {
        ChangeQueryRules.Check(query);
        if (_store is null)
        {
            return new ChangePage();
        }
        if (query.SinceGeneration is not null)
        {
            ChangeQueryRules.CheckRetained(query, await _store.GetBoundsAsync());
        }
        return await _store.QueryAsync(query);
    }

    public Task<ChangeLogBounds> GetBoundsAsync() => _store?.GetBoundsAsync() ?? Task.FromResult(new ChangeLogBounds());

    public Task<ChangeGenerationInfo?> GetGenerationAsync(long generation) =>
        _store?.GetGenerationAsync(generation) ?? Task.FromResult<ChangeGenerationInfo?>(null);

    public Task<long?> GenerationAtAsync(DateTimeOffset at) => _store?.GenerationAtAsync(at) ?? Task.FromResult<long?>(null);

    public async Task<EquatableArray<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        return _store is null ? default : (await _store.ReadEntityAsync(entity, entityId, afterGeneration)).ToEquatableArray();
    }
}
