namespace Starmap.Client;

/// <summary>
/// TLS from the client to the gateways (<c>Starmap:Client:Tls</c>). The silo's certificate is accepted when
/// its chain validates for <see cref="TargetHost"/>, or when its thumbprint is pinned in
/// <see cref="ServerThumbprints"/> (the way to trust a self-signed certificate).
/// </summary>
public sealed class StarmapClientTlsOptions
{
    /// <summary>Connect with TLS.</summary>
    public bool Enabled { get; set; }

    /// <summary>Host name the silo certificate must be issued to (SNI); default the gateway's host.</summary>
    public string? TargetHost { get; set; }

    /// <summary>SHA-1 thumbprints (hex) of silo certificates to accept even without a trusted chain.</summary>
    public IList<string> ServerThumbprints { get; } = [];

    /// <summary>A client certificate (.pfx) to present, for silos that require one.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>.</summary>
    public string? CertificatePassword { get; set; }
}
