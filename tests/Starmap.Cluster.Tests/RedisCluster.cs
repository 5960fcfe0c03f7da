using Orleans.Runtime;

namespace Starmap.Cluster.Tests;

/// <summary>
/// Silo processes of one Starmap cluster in Redis mode on 127.0.0.1, under a service ID of their own (so
/// tests sharing the Redis server never see each other's state). The failure detector is tightened
/// (probe timeout 2 s, 2 missed probes) so a killed silo is declared dead in seconds; the figures the
/// tests report are for these settings.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly List<StarmapConnection> _connections = [];
    private readonly Dictionary<string, string?> _environment;
    private readonly string _data = TestFolders.New("cluster");

    public RedisCluster(RedisServer redis, string name, params (string Name, string Value)[] environment)
    {
        Redis = redis;
        ServiceId = $"{name}-{Guid.NewGuid():N}"[..24];
        ClusterId = ServiceId;
        _environment = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = null,
            ["Starmap__Sources__ModelsDevUrl"] = $"http://127.0.0.1:{SiloProcess.FreePort()}/api.json",
            ["Starmap__Sources__MaxRetries"] = "0",
            ["Starmap__Membership__ProbeTimeout"] = "00:00:02",
            ["Starmap__Membership__NumMissedProbesLimit"] = "2",
        };
        foreach (var (key, value) in environment)
        {
            _environment[key] = value;
        }
    }

    public RedisServer Redis { get; }

    public string ServiceId { get; }

    /// <summary>The cluster ID of silos started from now on (a fresh cluster over the same state gets a new one).</summary>
    public string ClusterId { get; set; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public async Task<SiloProcess> StartSiloAsync(bool seed = true)
    {
        var silo = await SiloProcess.StartAsync(_data, _environment, ClusterId,
            "--clustering", "Redis", "--redis", Redis.ConnectionString, "--advertised-address", "127.0.0.1",
            "--service-id", ServiceId, "--seed", seed ? "true" : "false");
        _silos.Add(silo);
        return silo;
    }

    /// <summary>A client over the given silos' gateways (all running silos by default).</summary>
    public async Task<StarmapConnection> ConnectAsync(TimeSpan? responseTimeout = null, params SiloProcess[] through)
    {
        var options = new StarmapClientOptions
        {
            ClusterId = ClusterId,
            ServiceId = ServiceId,
            ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        foreach (var silo in through.Length > 0 ? through : _silos.Where(s => !s.HasExited))
        {
            options.Gateways.Add(silo.Gateway);
        }
        var connection = await StarmapConnection.ConnectAsync(options, TestContext.Current.CancellationToken);
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Waits until the cluster's membership lists exactly <paramref name="count"/> active silos.</summary>
    public static async Task WaitForActiveSilosAsync(StarmapConnection connection, int count, TimeSpan deadline)
    {
        var hosts = await Eventually.ValueAsync(
            async () => await connection.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
            h => h.Count == count, deadline, $"{count} active silos");
        Assert.Equal(count, hosts.Count);
    }

    /// <summary>The running silo that hosts <paramref name="grain"/>'s activation (null when none is active).</summary>
    public async Task<SiloProcess?> HostOfAsync(StarmapConnection connection, IAddressable grain)
    {
        var address = await connection.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return address is null ? null : _silos.SingleOrDefault(s => !s.HasExited && s.SiloPort == address.Endpoint.Port);
    }

    public async Task StopAllAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
        _connections.Clear();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        _silos.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        TestFolders.Delete(_data);
    }
}
