using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>The catalog reader the HTTP API uses: the silo's own when hosted in a silo, else the reader grain.</summary>
internal static class CatalogReaders
{
    public static ICatalogReader Of(IServiceProvider services) =>
        services.GetService<ICatalogReader>() ?? services.GetRequiredService<IGrainFactory>().GetGrain<ICatalogReaderGrain>(0);

    public static StarmapCatalog NewCatalog(IServiceProvider services) =>
        new(services.GetRequiredService<IGrainFactory>(), services.GetService<ICatalogReader>());
}
