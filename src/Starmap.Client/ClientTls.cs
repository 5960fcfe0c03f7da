using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Starmap.Client;

/// <summary>Turns <see cref="StarmapClientTlsOptions"/> into Orleans TLS on the gateway connections.</summary>
internal static class ClientTls
{
    public static IClientBuilder UseStarmapTls(this IClientBuilder client, StarmapClientTlsOptions tls)
    {
        var pinned = tls.ServerThumbprints
            .Select(t => t.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        void Configure(TlsOptions o)
        {
            o.RemoteCertificateValidation = (remote, _, errors) =>
                errors == SslPolicyErrors.None || (remote is not null && pinned.Contains(remote.GetCertHashString()));
            if (tls.TargetHost is { Length: > 0 } host)
            {
                o.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = host;
            }
        }
        if (string.IsNullOrWhiteSpace(tls.CertificatePath))
        {
            return client.UseTls(Configure);
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath, tls.CertificatePassword);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"Starmap:Client:Tls:CertificatePath: '{tls.CertificatePath}' could not be read as a .pfx certificate (is the password right?): {ex.Message}", ex);
        }
        return client.UseTls(certificate, Configure);
    }
}
