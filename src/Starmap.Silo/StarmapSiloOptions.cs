using Starmap.Silo.Clustering;

namespace Starmap.Silo;

/// <summary>
/// Settings of a Starmap silo, bound from the <c>Starmap</c> configuration section (appsettings.json,
/// <c>Starmap__DataDirectory</c>-style environment variables, or <c>--data-dir</c>-style switches).
/// </summary>
public sealed class StarmapSiloOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Starmap";

    /// <summary>Embedded (the default), Redis, or Kubernetes membership with Redis storage.</summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Embedded;

    /// <summary>The Redis server in the Redis and Kubernetes modes.</summary>
    public StarmapRedisOptions Redis { get; set; } = new();

    /// <summary>
    /// The IP address other silos and clients reach this silo on, in the Redis and Kubernetes modes;
    /// default the host's address (Kubernetes: the pod's). Embedded silos always use 127.0.0.1.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Optional TLS between clients and silos, and between silos.</summary>
    public StarmapTlsOptions Tls { get; set; } = new();

    /// <summary>Folder of the SQLite database (embedded mode); default <c>~/.local/share/starmap</c>.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Silo port of a first silo on loopback to join (localhost clustering's primary silo); null makes this
    /// silo the primary. Both silos must share the data folder, cluster and service IDs.
    /// </summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>HTTP API port; 0 turns the HTTP API off.</summary>
    public int HttpPort { get; set; } = 5080;

    /// <summary>Address the HTTP API listens on; loopback unless you mean to expose it.</summary>
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>True when the HTTP API is on.</summary>
    public bool HttpEnabled => HttpPort != 0;

    /// <summary>Orleans cluster ID; clients must use the same.</summary>
    public string ClusterId { get; set; } = "starmap";

    /// <summary>Orleans service ID; clients must use the same.</summary>
    public string ServiceId { get; set; } = "starmap";

    /// <summary>Shortest interval a sync schedule may use (Orleans' minimum reminder period).</summary>
    public TimeSpan MinimumSyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Seed an empty store with the built-in catalog.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Command-line switches and the keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--clustering"] = $"{Section}:{nameof(Clustering)}",
        ["--redis"] = $"{Section}:{nameof(Redis)}:{nameof(StarmapRedisOptions.ConnectionString)}",
        ["--advertised-address"] = $"{Section}:{nameof(AdvertisedAddress)}",
        ["--tls-certificate"] = $"{Section}:{nameof(Tls)}:{nameof(StarmapTlsOptions.CertificatePath)}",
        ["--data-dir"] = $"{Section}:{nameof(DataDirectory)}",
        ["--silo-port"] = $"{Section}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{Section}:{nameof(GatewayPort)}",
        ["--primary-silo-port"] = $"{Section}:{nameof(PrimarySiloPort)}",
        ["--cluster-id"] = $"{Section}:{nameof(ClusterId)}",
        ["--service-id"] = $"{Section}:{nameof(ServiceId)}",
        ["--seed"] = $"{Section}:{nameof(Seed)}",
        ["--http-port"] = $"{Section}:{nameof(HttpPort)}",
        ["--http-address"] = $"{Section}:{nameof(HttpAddress)}",
    };

    /// <summary>Where state lives, for log lines: the data folder or the Redis servers (never a password).</summary>
    public string DescribeStorage() => Clustering == ClusteringMode.Embedded
        ? $"sqlite '{DataDirectory}'"
        : $"{Clustering.ToString().ToLowerInvariant()} on redis {Redis.Describe()}";

    private static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(root) ? Path.GetFullPath("starmap-data") : Path.Combine(root, "starmap");
    }
}
