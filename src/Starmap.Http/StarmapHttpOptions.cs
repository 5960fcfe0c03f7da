namespace Starmap.Http;

/// <summary>Settings of the HTTP API, bound from <c>Starmap:Http</c>.</summary>
public sealed class StarmapHttpOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Starmap:Http";

    /// <summary>Environment variable read when <see cref="ApiKey"/> is not configured.</summary>
    public const string ApiKeyVariable = "STARMAP_API_KEY";

    /// <summary>Key that writes (and keyed reads) must present; null refuses every write.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Reads need the key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Requests one client (remote IP) may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>Window of the per-client fixed-window rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest body of <c>POST /api/v1/import</c> (a models.dev <c>api.json</c>), in bytes; the only route
    /// past <see cref="MaxRequestBodyBytes"/>, and only for a caller with the key.
    /// </summary>
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Time between heartbeats on the update stream.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long <c>POST /api/v1/providers/{id}/sync</c> waits for the sync before answering 202 with a
    /// Location to poll (zero: always 202); at most 20 s, inside the silo's 30 s call timeout.
    /// </summary>
    public TimeSpan SyncWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Origins allowed by CORS; none by default (browsers on other origins are refused).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Serve the Orleans Dashboard at <c>/dashboard/</c> (grains, silos and the live silo log). Off by
    /// default; when on, every dashboard request needs the API key (the write key), so turning it on without
    /// a key stops the silo at start.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> is believed: IP addresses (<c>10.0.0.5</c>) or networks
    /// (<c>10.0.0.0/8</c>). None by default: the header is ignored and each peer address is one client.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Compress responses (Brotli, gzip) for clients that send <c>Accept-Encoding</c>; the event stream never is.</summary>
    public bool Compression { get; set; } = true;

    /// <summary>
    /// Most bytes the silo keeps of rendered read answers for the current generation (answers, their compressed
    /// forms, keys and a fixed cost per entry); older answers make room for new ones. 0 keeps none.
    /// </summary>
    public long ResponseCacheBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The key from configuration, else from <see cref="ApiKeyVariable"/>; null when neither is set.</summary>
    public string? EffectiveApiKey =>
        !string.IsNullOrEmpty(ApiKey) ? ApiKey
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary><see cref="TrustedProxies"/> parsed: single addresses and networks; throws naming a bad entry.</summary>
    public (IReadOnlyList<System.Net.IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) TrustedProxyAddresses()
    {
        var proxies = new List<System.Net.IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        for (var i = 0; i < TrustedProxies.Length; i++)
        {
            var entry = TrustedProxies[i]?.Trim() ?? "";
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{Section}:TrustedProxies:{i} must be an IP address (10.0.0.5) or a network (10.0.0.0/8), not '{entry}'");
            }
        }
        return (proxies, networks);
    }
}
