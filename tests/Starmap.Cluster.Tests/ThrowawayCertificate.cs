using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Starmap.Cluster.Tests;

/// <summary>A self-signed certificate made for one test and written as a password-protected .pfx.</summary>
public sealed class ThrowawayCertificate : IDisposable
{
    private readonly string _folder = TestFolders.New("tls");

    public ThrowawayCertificate(string subject = "starmap-silo")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(subject);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client auth
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.Thumbprint;
        Path = System.IO.Path.Combine(_folder, "silo.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Password { get; } = $"pfx-{Guid.NewGuid():N}";

    public string Path { get; }

    public string Thumbprint { get; }

    public void Dispose() => TestFolders.Delete(_folder);

    /// <summary>A self-signed server certificate for <paramref name="ipAddress"/> as PEM files (certificate, key) in <paramref name="folder"/>.</summary>
    public static (string Certificate, string Key) WritePem(string folder, string ipAddress)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={ipAddress}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(ipAddress));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = System.IO.Path.Combine(folder, "redis.crt");
        var keyPath = System.IO.Path.Combine(folder, "redis.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
