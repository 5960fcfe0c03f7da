using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Starmap.Grains.State;

namespace Starmap.Grains.Catalog;

/// <summary>
/// Reads provider and author state straight from grain storage. The catalog uses it when it
/// activates, instead of calling those grains: a call back into a provider grain that is itself
/// waiting on the catalog would deadlock two non-reentrant grains.
/// </summary>
internal sealed class CatalogStateLoader(IServiceProvider services)
{
    private IGrainStorage Storage => services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Catalog);

    public async Task<ProviderState?> ReadProviderAsync(string providerId)
    {
        var grainState = new GrainState<ProviderState>(new ProviderState());
        await Storage.ReadStateAsync(GrainTypes.ProviderState, GrainId.Create(GrainTypes.Provider, providerId), grainState);
        return grainState.RecordExists ? grainState.State : null;
    }

    /// <summary>
    /// Stores new providers' states (each with its provider set) in one write when the storage can
    /// (<see cref="IGrainStateBatchStorage"/>): true when all were stored; false, with nothing stored, when
    /// the storage cannot or any of them already has a record. Only for providers whose grains are not
    /// active (a new store being seeded): an active grain would keep serving the state it read before.
    /// </summary>
    public Task<bool> TryAddProvidersAsync(IReadOnlyList<ProviderState> states, CancellationToken cancellationToken) =>
        Storage is IGrainStateBatchStorage batch
            ? batch.TryAddAllAsync(GrainTypes.ProviderState,
                states.Select(s => KeyValuePair.Create(GrainId.Create(GrainTypes.Provider, s.Provider!.Id), s)).ToList(), cancellationToken)
            : Task.FromResult(false);

    public async Task<AuthorState?> ReadAuthorAsync(string authorId)
    {
        var grainState = new GrainState<AuthorState>(new AuthorState());
        await Storage.ReadStateAsync(GrainTypes.AuthorState, GrainId.Create(GrainTypes.Author, authorId), grainState);
        return grainState.RecordExists ? grainState.State : null;
    }
}
