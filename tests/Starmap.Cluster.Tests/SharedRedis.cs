[assembly: AssemblyFixture(typeof(Starmap.Cluster.Tests.SharedRedis))]
// Several silo processes per test on 2 cores: one test at a time keeps failure detection honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Starmap.Cluster.Tests;

/// <summary>One redis-server (append-only, fsync always) for the whole run; each test uses its own service ID.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
