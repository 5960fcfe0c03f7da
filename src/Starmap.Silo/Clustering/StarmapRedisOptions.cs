using StackExchange.Redis;

namespace Starmap.Silo.Clustering;

/// <summary>The Redis server of a cluster (<c>Starmap:Redis</c>); used in the Redis and Kubernetes modes.</summary>
public sealed class StarmapRedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis:6379,ssl=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Password; kept apart from the connection string so it can come from a secret. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// A PEM certificate of the issuer (CA) of the Redis server's TLS certificate, trusted in addition to
    /// the system's roots; for a private CA or a self-signed server certificate. Implies <see cref="UseTls"/>.
    /// </summary>
    public string? TrustedIssuerPath { get; set; }

    /// <summary>True when a connection string is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// The client configuration; a fresh instance per call, because each Orleans provider owns its own
    /// connection. Throws a message naming the setting (never the password) when the string is malformed.
    /// </summary>
    public ConfigurationOptions ToConfiguration()
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Starmap:Redis:ConnectionString (--redis) must name the Redis server, e.g. 127.0.0.1:6379");
        }
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(ConnectionString!);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Starmap:Redis:ConnectionString is not a Redis configuration string: {ex.Message}", ex);
        }
        if (configuration.EndPoints.Count == 0)
        {
            throw new InvalidOperationException("Starmap:Redis:ConnectionString names no server (expected host:port)");
        }
        if (!string.IsNullOrEmpty(Password))
        {
            configuration.Password = Password;
        }
        if (UseTls || !string.IsNullOrEmpty(TrustedIssuerPath))
        {
            configuration.Ssl = true;
        }
        if (!string.IsNullOrEmpty(TrustedIssuerPath))
        {
            if (!File.Exists(TrustedIssuerPath))
            {
                throw new InvalidOperationException($"Starmap:Redis:TrustedIssuerPath: no file at '{TrustedIssuerPath}'");
            }
            configuration.TrustIssuer(TrustedIssuerPath);
        }
        // Keep retrying while Redis restarts instead of failing calls for good.
        configuration.AbortOnConnectFail = false;
        return configuration;
    }

    /// <summary>The servers, for log lines and messages: no password, ever.</summary>
    public string Describe()
    {
        if (!IsConfigured)
        {
            return "(none)";
        }
        var configuration = ToConfiguration();
        return string.Join(",", configuration.EndPoints.Select(e => e is System.Net.DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : e.ToString())) + (configuration.Ssl ? " (tls)" : "");
    }
}
