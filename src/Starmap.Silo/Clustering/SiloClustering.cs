using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Starmap.Grains;

namespace Starmap.Silo.Clustering;

/// <summary>Membership, grain storage and reminders for the chosen <see cref="ClusteringMode"/>.</summary>
internal static class SiloClustering
{
    public static ISiloBuilder UseStarmapClustering(this ISiloBuilder silo, StarmapSiloOptions options, IConfiguration configuration)
    {
        // Advanced: Orleans' failure detector (probe timeout, missed probes, votes) from Starmap:Membership.
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(StarmapSiloOptions.Section + ":Membership"));

        if (options.Clustering == ClusteringMode.Embedded)
        {
            // A second silo on the machine joins the first through its silo port (the primary).
            var primary = options.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
            silo.AddStarmapStorageAndGrains(options.DataDirectory);
        }
        else
        {
            UseRedis(silo, options);
        }

        // After the mode's setup, so these win over Kubernetes hosting's ORLEANS_CLUSTER_ID/ORLEANS_SERVICE_ID.
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (options.Tls.Enabled)
        {
            silo.UseStarmapTls(options.Tls);
        }
        return silo;
    }

    private static void UseRedis(ISiloBuilder silo, StarmapSiloOptions options)
    {
        var redis = options.Redis;
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.ToConfiguration());
        silo.AddRedisGrainStorage(StorageNames.Catalog, o => o.ConfigurationOptions = redis.ToConfiguration());
        silo.Services.AddOptions<Orleans.Persistence.RedisStorageOptions>(StorageNames.Catalog)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new Base64GrainStorageSerializer(serializer));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.ToConfiguration());
        // The change log beside the grain state, one per service (the silos of a cluster share it).
        silo.Services.AddSingleton<IChangeLogStore>(_ => new History.RedisChangeLogStore(redis.ToConfiguration(), options.ServiceId));
        silo.Services.AddStarmapGrains();

        if (options.Clustering == ClusteringMode.Kubernetes)
        {
            // Silo name, advertised address (POD_IP) and listening on every interface come from the pod.
            silo.UseKubernetesHosting();
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
                if (options.AdvertisedAddress is { } address)
                {
                    o.AdvertisedIPAddress = IPAddress.Parse(address);
                }
            });
            return;
        }

        if (options.AdvertisedAddress is { } advertised)
        {
            var ip = IPAddress.Parse(advertised);
            // On loopback only loopback listens; an address other machines use is served on every interface.
            silo.ConfigureEndpoints(ip, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(ip));
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
