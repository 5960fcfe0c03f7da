using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Starmap.Catalog.Seed;
using Starmap.Grains;
using Starmap.Grains.Sync;
using Starmap.Http;
using Starmap.Silo.Clustering;
using Starmap.Storage.Sqlite;

namespace Starmap.Silo;

/// <summary>
/// Seeds an empty store, then logs the ready line scripts and tests wait for — once every hosted
/// service (the silo and, when on, the web server) has started, so the line means "accepting calls".
/// </summary>
internal sealed class SiloStartup(
    IGrainFactory grains,
    StarmapSiloOptions options,
    SyncScheduleOptions schedule,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<SiloStartup> logger) : IHostedService
{
    /// <summary>The text of the ready line.</summary>
    public const string ReadyMarker = "Starmap silo ready";

    // Hosted services are all built before the first one starts: reading the seed begins here at the latest,
    // beside the silo's own start, when the embedded store has no database yet (so it will be seeded). The
    // silo program begins it earlier still (PreloadSeedIfNew), before it builds the host.
    private readonly bool _preloading = PreloadSeedIfNew(options);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A started preload means seeding is on and the store is new: the seeder takes what it read.
        if (_preloading || options.Seed)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var timings = new SeedTimings();
            var seeded = await CatalogSeeder.SeedIfEmptyAsync(grains, timings, services, cancellationToken);
            if (seeded is not null)
            {
                logger.LogInformation("Seeded the built-in catalog {SeedVersion} in {SeedMilliseconds} ms ({SeedTimings})", seeded, watch.ElapsedMilliseconds, timings);
            }
        }
        // The setting is the source of truth: set, it (re)registers the reminder; absent, it removes one.
        // Both calls go to grains that may live on another, busier silo: a timeout there is asked again.
        await StartupCalls.AskAsync("the discover schedule", () => grains.GetGrain<ICatalogSyncGrain>(CatalogKeys.Default).SetDiscoverScheduleAsync(schedule.DiscoverInterval),
            logger, TimeProvider.System, StartupCalls.DefaultPatience, cancellationToken);
        if (schedule.DiscoverInterval is { } every)
        {
            logger.LogInformation("Every provider is synced with discover every {DiscoverInterval}", every);
        }
        var status = await StartupCalls.AskAsync("the catalog's status", () => grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync(),
            logger, TimeProvider.System, StartupCalls.DefaultPatience, cancellationToken);
        // Said once: whether reads keep their speed during a sync depends on it (deploy/README.md).
        logger.LogInformation("A sync computes at {SyncPriority}", SyncCpu.Describe(SyncCpu.Priority));
        var readiness = services.GetService<StarmapReadiness>();
        readiness?.MarkReady();
        var http = readiness is null ? "off" : $"http://{options.HttpAddress}:{options.HttpPort}";
        lifetime.ApplicationStarted.Register(() => logger.LogInformation(
            ReadyMarker + ": gateway {Gateway}:{GatewayPort}{Tls}, silo port {SiloPort}, http {HttpUrl}, cluster '{ClusterId}', service '{ServiceId}', storage {Storage}, generation {Generation} ({Providers} providers, {Models} models)",
            options.Clustering == ClusteringMode.Embedded ? "127.0.0.1" : options.AdvertisedAddress ?? "(host address)", options.GatewayPort,
            options.Tls.Enabled ? " (tls)" : "", options.SiloPort, http, options.ClusterId, options.ServiceId, options.DescribeStorage(),
            status.Generation, status.Providers, status.Offerings));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts reading the built-in catalog in the background when this silo will seed it: seeding on, the
    /// embedded store, and no database file yet. True when it started (or had started).
    /// </summary>
    internal static bool PreloadSeedIfNew(StarmapSiloOptions options)
    {
        if (!options.Seed || options.Clustering != ClusteringMode.Embedded
            || File.Exists(SqliteDatabaseCheck.DatabasePath(new SqliteGrainStorageOptions { DataDirectory = options.DataDirectory })))
        {
            return false;
        }
        BuiltInCatalogPreload.Start();
        return true;
    }
}
