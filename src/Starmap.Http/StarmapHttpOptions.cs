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

    /// <summary>Time between heartbeats on the update stream.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the update stream checks this silo's catalog generation.</summary>
    public TimeSpan UpdatePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long <c>POST /api/v1/providers/{id}/sync</c> waits for the sync before answering 202 with a
    /// Location to poll (zero: always 202); at most 20 s, inside the silo's 30 s call timeout.
    /// </summary>
    public TimeSpan SyncWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Origins allowed by CORS; none by default (browsers on other origins are refused).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>The key from configuration, else from <see cref="ApiKeyVariable"/>; null when neither is set.</summary>
    public string? EffectiveApiKey =>
        !string.IsNullOrEmpty(ApiKey) ? ApiKey
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>Throws a message naming the setting when a value cannot work (never the key itself).</summary>
    public void Validate()
    {
        if (RateLimitPermits < 1)
        {
            throw new InvalidOperationException($"{Section}:RateLimitPermits must be at least 1, not {RateLimitPermits}");
        }
        if (RateLimitWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:RateLimitWindow must be positive, not {RateLimitWindow}");
        }
        if (HeartbeatInterval <= TimeSpan.Zero || UpdatePollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:HeartbeatInterval and UpdatePollInterval must be positive");
        }
        if (SyncWait < TimeSpan.Zero || SyncWait > TimeSpan.FromSeconds(20))
        {
            throw new InvalidOperationException($"{Section}:SyncWait must be from 00:00:00 to 00:00:20, not {SyncWait}");
        }
        if (MaxRequestBodyBytes < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxRequestBodyBytes must be positive, not {MaxRequestBodyBytes}");
        }
        if (RequireKeyForReads && EffectiveApiKey is null)
        {
            throw new InvalidOperationException($"{Section}:RequireKeyForReads is true but no key is set: set {Section}:ApiKey or {ApiKeyVariable}");
        }
    }
}
