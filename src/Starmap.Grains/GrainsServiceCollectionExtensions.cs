using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Starmap.Grains.Catalog;
using Starmap.Grains.History;
using Starmap.Grains.Sync;

namespace Starmap.Grains;

/// <summary>Registers what the grains need besides Orleans itself.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>Adds the services the Starmap grains depend on.</summary>
    public static IServiceCollection AddStarmapGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogStateLoader>();
        services.TryAddSingleton<ChangeRecorder>();
        services.TryAddSingleton<CatalogReplica>();
        services.TryAddSingleton(sp => new SiloCatalogReader(sp.GetRequiredService<CatalogReplica>()));
        // The silo's catalog reader and change feed, for in-process callers (HTTP API, sync, facade).
        services.TryAddSingleton<ICatalogReader>(sp => sp.GetRequiredService<SiloCatalogReader>());
        services.TryAddSingleton<ICatalogChangeFeed>(sp => sp.GetRequiredService<CatalogReplica>());
        // The catalog at earlier generations, rebuilt from the replica and the change log.
        services.TryAddSingleton<CatalogHistory>();
        services.AddMetrics();
        services.TryAddSingleton<StarmapMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogReplica>());
        services.AddStarmapSources();
        services.TryAddSingleton<SyncHooks>();
        services.TryAddSingleton(new Starmap.Sync.GuardOptions());
        services.TryAddSingleton(BackgroundCpu.Shared);
        services.TryAddSingleton<ISyncEngine, SyncEngine>();
        services.TryAddSingleton(sp => new SyncRehearsal(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<BackgroundCpu>(), sp.GetRequiredService<CatalogReplica>(),
            sp.GetRequiredService<Orleans.Serialization.Serializer>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
