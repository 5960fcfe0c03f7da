using System.Net;
using System.Net.Sockets;

namespace Starmap.Client;

/// <summary>
/// How to reach a Starmap cluster. Bound from the <c>Starmap:Client</c> configuration section
/// (e.g. <c>Starmap__Client__Gateways__0=10.0.0.5:30000</c>).
/// </summary>
public sealed class StarmapClientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Starmap:Client";

    /// <summary>Gateways as <c>host:port</c>; default the local silo, <c>127.0.0.1:30000</c>.</summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>Must equal the silo's cluster ID.</summary>
    public string ClusterId { get; set; } = "starmap";

    /// <summary>Must equal the silo's service ID.</summary>
    public string ServiceId { get; set; } = "starmap";

    /// <summary>How long to keep trying to connect (a silo may still be starting) before failing with a clear error.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most connection attempts before failing; null (the default) keeps trying until <see cref="ConnectTimeout"/>.</summary>
    public int? ConnectAttempts { get; set; }

    /// <summary>
    /// Longest wait for one grain call's answer (Orleans' default is 30 s). A call to a silo that just died
    /// fails after this long, so a shorter value lets a caller retry on a surviving silo sooner.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What the change log records as the origin of this client's writes (<see cref="ChangeOrigins"/>, e.g.
    /// <c>powershell</c> for the module); null records them as <c>client</c>. A value the caller already put
    /// in the request context wins.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>TLS to the gateways; must be on when the silos use TLS.</summary>
    public StarmapClientTlsOptions Tls { get; set; } = new();

    /// <summary>The gateways as endpoints (the default local gateway when none is set).</summary>
    public IReadOnlyList<IPEndPoint> ResolveGateways()
    {
        var texts = Gateways.Count == 0 ? ["127.0.0.1:30000"] : Gateways;
        return texts.Select(Parse).ToList();
    }

    /// <summary>A readable description for messages: gateways, cluster and service.</summary>
    public string Describe() =>
        $"{string.Join(", ", Gateways.Count == 0 ? ["127.0.0.1:30000"] : Gateways)} (cluster '{ClusterId}', service '{ServiceId}'{(Tls.Enabled ? ", tls" : "")})";

    private static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Starmap:Client:Gateways entry '{text}' must be host:port with a port from 1 to 65535");
        }
        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }
        var addresses = Dns.GetHostAddresses(host);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"Starmap:Client:Gateways entry '{text}': host '{host}' has no address");
        return new IPEndPoint(chosen, port);
    }
}
