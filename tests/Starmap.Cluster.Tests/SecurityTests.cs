namespace Starmap.Cluster.Tests;

/// <summary>TLS between clients and silos (and between silos) with a throwaway certificate; a Redis password passed through.</summary>
public sealed class SecurityTests(SharedRedis redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Silos_and_clients_talk_TLS_and_a_client_without_TLS_or_with_the_wrong_pin_is_refused()
    {
        using var certificate = new ThrowawayCertificate();
        await using var cluster = new RedisCluster(redis.Server, "tls",
            ("Starmap__Tls__CertificatePath", certificate.Path), ("Starmap__Tls__CertificatePassword", certificate.Password));
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        Assert.Contains("(tls)", a.Output, StringComparison.Ordinal);

        // Pinned to the silo's self-signed certificate: connects, and the two silos (TLS between them too) form one cluster.
        var options = Options(cluster, a);
        options.Tls.Enabled = true;
        options.Tls.ServerThumbprints.Add(certificate.Thumbprint);
        await using (var secure = await StarmapConnection.ConnectAsync(options, TestContext.Current.CancellationToken))
        {
            await RedisCluster.WaitForActiveSilosAsync(secure, 2, Deadline);
            await secure.Catalog.SetProviderAsync(Catalogs.Provider("over-tls"));
            Assert.Equal("over-tls", (await secure.Catalog.Providers.GetAsync("over-tls")).Provider.Id);
        }

        // Plain TCP to a TLS gateway, and TLS that trusts another certificate, both fail fast with a clear error.
        var plain = await Assert.ThrowsAsync<StarmapConnectionException>(() => StarmapConnection.ConnectAsync(Options(cluster, b), TestContext.Current.CancellationToken));
        Assert.Contains(b.Gateway, plain.Message, StringComparison.Ordinal);
        using var other = new ThrowawayCertificate("someone-else");
        var wrongPin = Options(cluster, b);
        wrongPin.Tls.Enabled = true;
        wrongPin.Tls.ServerThumbprints.Add(other.Thumbprint);
        await Assert.ThrowsAsync<StarmapConnectionException>(() => StarmapConnection.ConnectAsync(wrongPin, TestContext.Current.CancellationToken));

        // The certificate password never reaches the logs.
        Assert.DoesNotContain(certificate.Password, a.Output + b.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Redis_password_is_passed_through_and_never_logged()
    {
        var password = $"redis-{Guid.NewGuid():N}";
        await using var locked = await RedisServer.StartAsync(password);

        // Without the password the silo cannot start, and says it was Redis that refused.
        await using (var refused = new RedisCluster(locked, "nopass"))
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => refused.StartSiloAsync());
            Assert.True(failure.Message.Contains("NOAUTH", StringComparison.OrdinalIgnoreCase), failure.Message);
        }

        await using var cluster = new RedisCluster(locked, "withpass", ("Starmap__Redis__Password", password));
        var silo = await cluster.StartSiloAsync();
        await using var connection = await cluster.ConnectAsync();
        await connection.Catalog.SetProviderAsync(Catalogs.Provider("behind-a-password"));
        Assert.Equal("behind-a-password", (await connection.Catalog.Providers.GetAsync("behind-a-password")).Provider.Id);
        Assert.Contains($"redis 127.0.0.1:{locked.Port}", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silos_reach_a_TLS_only_Redis_when_told_to_trust_its_issuer_and_refuse_it_otherwise()
    {
        var folder = TestFolders.New("redis-tls");
        try
        {
            var (certificate, key) = ThrowawayCertificate.WritePem(folder, "127.0.0.1");
            await using var redisTls = await RedisServer.StartAsync(tls: (certificate, key));

            // TLS on, but the self-signed server certificate is not trusted: the silo does not start.
            await using (var untrusted = new RedisCluster(redisTls, "redis-untrusted", ("Starmap__Redis__UseTls", "true")))
            {
                var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => untrusted.StartSiloAsync());
                Assert.Contains("silo exited", failure.Message, StringComparison.Ordinal);
            }

            await using var cluster = new RedisCluster(redisTls, "redis-tls", ("Starmap__Redis__TrustedIssuerPath", certificate));
            var silo = await cluster.StartSiloAsync();
            Assert.Contains($"redis 127.0.0.1:{redisTls.Port} (tls)", silo.Output, StringComparison.Ordinal);
            await using var connection = await cluster.ConnectAsync();
            await connection.Catalog.SetProviderAsync(Catalogs.Provider("redis-over-tls"));
            Assert.Equal("redis-over-tls", (await connection.Catalog.Providers.GetAsync("redis-over-tls")).Provider.Id);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    private static StarmapClientOptions Options(RedisCluster cluster, SiloProcess silo) => new()
    {
        Gateways = { silo.Gateway },
        ClusterId = cluster.ClusterId,
        ServiceId = cluster.ServiceId,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectAttempts = 2,
    };
}
