using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Starmap.Silo.Clustering;

/// <summary>Turns <see cref="StarmapTlsOptions"/> into Orleans TLS on every silo connection.</summary>
internal static class SiloTls
{
    public static ISiloBuilder UseStarmapTls(this ISiloBuilder silo, StarmapTlsOptions tls)
    {
        var certificate = Load(tls);
        var trusted = tls.TrustedThumbprints.Select(Normalize).Append(certificate.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return silo.UseTls(certificate, o =>
        {
            // Silos always present their certificate to each other; clients may present none unless required.
            var mode = tls.RequireClientCertificate ? RemoteCertificateMode.RequireCertificate : RemoteCertificateMode.AllowCertificate;
            o.RemoteCertificateMode = mode;
            o.ClientCertificateMode = mode;
            // Peers (other silos, clients that present one) pass with a valid chain or a trusted thumbprint.
            o.RemoteCertificateValidation = (remote, _, errors) =>
                errors == SslPolicyErrors.None || (remote is not null && trusted.Contains(remote.GetCertHashString()));
        });
    }

    /// <summary>Loads the certificate; a message names the setting and the file when it cannot.</summary>
    public static X509Certificate2 Load(StarmapTlsOptions tls)
    {
        var path = tls.CertificatePath!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Starmap:Tls:CertificatePath: no file at '{path}'");
        }
        X509Certificate2 certificate;
        try
        {
            var pem = path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase);
            certificate = !pem
                ? X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword)
                : string.IsNullOrEmpty(tls.CertificatePassword)
                    ? X509Certificate2.CreateFromPemFile(path, tls.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, tls.CertificatePassword, tls.KeyPath);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"Starmap:Tls:CertificatePath: '{path}' could not be read as a certificate with its key (is Starmap:Tls:CertificatePassword right?): {ex.Message}", ex);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Starmap:Tls:CertificatePath: '{path}' holds no private key; a silo must be able to prove it owns its certificate");
        }
        return certificate;
    }

    private static string Normalize(string thumbprint) => thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}
