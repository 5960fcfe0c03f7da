namespace Starmap.PowerShell;

/// <summary>The session's connection (Get-StarmapConnection), with the catalog's generation and counts when it answered.</summary>
public sealed class StarmapConnectionInfo
{
    /// <summary>Gateways as <c>host:port</c>.</summary>
    public string[] Gateways { get; init; } = [];

    /// <summary>Cluster ID.</summary>
    public string ClusterId { get; init; } = "";

    /// <summary>Service ID.</summary>
    public string ServiceId { get; init; } = "";

    /// <summary>When Connect-Starmap succeeded.</summary>
    public DateTimeOffset ConnectedAt { get; init; }

    /// <summary>Where the gateways came from: -Gateway, $env:STARMAP_GATEWAY, $env:Starmap__Client__Gateways__*, the saved connection, or the default.</summary>
    public string Source { get; init; } = "";

    /// <summary>True when the connection uses TLS.</summary>
    public bool Tls { get; init; }

    /// <summary>Catalog generation; null when not asked or not answered.</summary>
    public long? Generation { get; init; }

    /// <summary>Providers in the catalog.</summary>
    public int? Providers { get; init; }

    /// <summary>Authors in the catalog.</summary>
    public int? Authors { get; init; }

    /// <summary>Offerings across providers.</summary>
    public int? Models { get; init; }

    /// <summary>Model definitions across authors.</summary>
    public int? Definitions { get; init; }

    internal StarmapConnectionInfo WithStatus(long generation, int providers, int authors, int models, int definitions) => new()
    {
        Gateways = Gateways,
        ClusterId = ClusterId,
        ServiceId = ServiceId,
        ConnectedAt = ConnectedAt,
        Source = Source,
        Tls = Tls,
        Generation = generation,
        Providers = providers,
        Authors = authors,
        Models = models,
        Definitions = definitions,
    };
}
