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

    /// <summary>Throws a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Clustering))
        {
            throw new InvalidOperationException($"Starmap:Clustering (--clustering) must be Embedded, Redis or Kubernetes, not {Clustering}");
        }
        if (Clustering != ClusteringMode.Embedded)
        {
            _ = Redis.ToConfiguration();
            if (PrimarySiloPort is not null)
            {
                throw new InvalidOperationException("Starmap:PrimarySiloPort (--primary-silo-port) is for embedded silos; in a Redis cluster silos find each other through Redis");
            }
        }
        if (AdvertisedAddress is not null && !System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new InvalidOperationException($"Starmap:AdvertisedAddress (--advertised-address) must be an IP address, not '{AdvertisedAddress}'");
        }
        if (Clustering == ClusteringMode.Embedded && AdvertisedAddress is not null)
        {
            throw new InvalidOperationException("Starmap:AdvertisedAddress is for the Redis and Kubernetes modes; an embedded silo is reached on 127.0.0.1");
        }
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new InvalidOperationException("Starmap:DataDirectory (--data-dir) must name a folder");
        }
        foreach (var (name, port) in new[] { ("SiloPort (--silo-port)", SiloPort), ("GatewayPort (--gateway-port)", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"Starmap:{name} must be between 1 and 65535, not {port}");
            }
        }
        if (PrimarySiloPort is { } primary && (primary is < 1 or > 65535 || primary == SiloPort))
        {
            throw new InvalidOperationException($"Starmap:PrimarySiloPort (--primary-silo-port) must be another silo's port between 1 and 65535, not {primary}");
        }
        if (HttpPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Starmap:HttpPort (--http-port) must be between 0 (off) and 65535, not {HttpPort}");
        }
        if (HttpEnabled && (HttpPort == SiloPort || HttpPort == GatewayPort))
        {
            throw new InvalidOperationException($"Starmap:HttpPort ({HttpPort}) must differ from the silo and gateway ports");
        }
        if (HttpEnabled && !System.Net.IPAddress.TryParse(HttpAddress, out _))
        {
            throw new InvalidOperationException($"Starmap:HttpAddress (--http-address) must be an IP address such as 127.0.0.1, not '{HttpAddress}'");
        }
        if (SiloPort == GatewayPort)
        {
            throw new InvalidOperationException($"Starmap:SiloPort and Starmap:GatewayPort must differ (both are {SiloPort})");
        }
        if (MinimumSyncInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Starmap:MinimumSyncInterval must be positive, not {MinimumSyncInterval}");
        }
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new InvalidOperationException("Starmap:ClusterId and Starmap:ServiceId must not be empty");
        }
    }

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
