namespace Starmap.Silo.Clustering;

/// <summary>
/// Optional TLS on silo-to-silo and client-to-gateway connections (<c>Starmap:Tls</c>). Every silo of a
/// cluster presents a certificate; a peer's certificate is accepted when its chain validates or its
/// thumbprint is trusted (the silo's own certificate always is, so silos sharing one certificate work).
/// </summary>
public sealed class StarmapTlsOptions
{
    /// <summary>A PKCS#12 (.pfx) or PEM certificate with its private key; TLS is off when unset.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the .pfx, or the PEM key file when the key is separate.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Private key file for a PEM certificate whose key is not in the same file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Further certificate thumbprints (SHA-1 hex) to accept from peers, e.g. during a certificate rollover.</summary>
    public IList<string> TrustedThumbprints { get; } = [];

    /// <summary>Refuse clients that present no certificate (they must present a trusted one).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>True when TLS is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
