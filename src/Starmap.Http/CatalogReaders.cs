using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>The catalog reader the HTTP API uses: the silo-local one when hosted in a silo, else the reader grain.</summary>
internal static class CatalogReaders
{
    public static ICatalogReaderGrain Of(IServiceProvider services) =>
        services.GetKeyedService<ICatalogReaderGrain>(StarmapCatalog.LocalReaderKey)
        ?? services.GetRequiredService<IGrainFactory>().GetGrain<ICatalogReaderGrain>(0);

    public static StarmapCatalog NewCatalog(IServiceProvider services) =>
        new(services.GetRequiredService<IGrainFactory>(), services.GetKeyedService<ICatalogReaderGrain>(StarmapCatalog.LocalReaderKey));
}
