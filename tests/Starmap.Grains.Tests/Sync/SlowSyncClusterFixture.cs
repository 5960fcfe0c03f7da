using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using Starmap.Silo;
using Starmap.Sources;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// A cluster whose client gives up on any one call after <see cref="ResponseTimeout"/>, far shorter
/// than a slow source takes, and whose models.dev answers 503 (offline). Sources are not retried, so
/// every models.dev request the replay server counts is one download attempt.
/// </summary>
public sealed class SlowSyncClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(2);

    public const string ModelsDevPath = "/models.dev/api.json";

    public ReplayServer Server { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ConcurrentDictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string DataDirectory { get; } = TestData.NewDirectory("slow-sync");

    public StarmapCatalog Catalog { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ReplayServer.StartAsync();
        Server.Map(ModelsDevPath, ReplayResponse.WithStatus(503, "down for maintenance"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStarmapStorageAndGrains(DataDirectory);
            silo.Services.Configure<SourceOptions>(o =>
            {
                o.ModelsDevUrl = new Uri(Server.Url(ModelsDevPath));
                o.RequestTimeout = TimeSpan.FromSeconds(30);
                o.MaxRetries = 0;
                o.ReadEnvironment = name => Environment.TryGetValue(name, out var value) ? value : null;
            });
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Catalog = new StarmapCatalog(Cluster.Client);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Server.DisposeAsync();
        TestData.Delete(DataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SlowSyncCluster : ICollectionFixture<SlowSyncClusterFixture>
{
    public const string Name = "slow sync cluster";
}
