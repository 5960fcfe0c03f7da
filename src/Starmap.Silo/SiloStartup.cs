using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Starmap.Grains;

namespace Starmap.Silo;

/// <summary>Seeds an empty store, then logs the ready line scripts and tests wait for.</summary>
internal sealed class SiloStartup(
    IGrainFactory grains,
    StarmapSiloOptions options,
    ILogger<SiloStartup> logger) : IHostedService
{
    /// <summary>The text of the ready line.</summary>
    public const string ReadyMarker = "Starmap silo ready";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Seed)
        {
            var seeded = await CatalogSeeder.SeedIfEmptyAsync(grains, cancellationToken);
            if (seeded is not null)
            {
                logger.LogInformation("Seeded the built-in catalog {SeedVersion}", seeded);
            }
        }
        var status = await grains.GetGrain<ICatalogGrain>(CatalogKeys.Default).GetStatusAsync();
        logger.LogInformation(
            ReadyMarker + ": gateway 127.0.0.1:{GatewayPort}, silo port {SiloPort}, cluster '{ClusterId}', service '{ServiceId}', data '{DataDirectory}', generation {Generation} ({Providers} providers, {Models} models)",
            options.GatewayPort, options.SiloPort, options.ClusterId, options.ServiceId, options.DataDirectory,
            status.Generation, status.Providers, status.Offerings);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
