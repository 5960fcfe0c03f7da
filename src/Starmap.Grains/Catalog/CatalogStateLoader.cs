using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Starmap.Grains;

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

    public async Task<AuthorState?> ReadAuthorAsync(string authorId)
    {
        var grainState = new GrainState<AuthorState>(new AuthorState());
        await Storage.ReadStateAsync(GrainTypes.AuthorState, GrainId.Create(GrainTypes.Author, authorId), grainState);
        return grainState.RecordExists ? grainState.State : null;
    }
}
