namespace Starmap.Cluster.Tests;

/// <summary>A silo given a clustering setting that cannot work stops at once and names the setting.</summary>
public sealed class SiloConfigurationTests
{
    private static readonly Dictionary<string, string?> NoKeys = new() { ["OPENAI_API_KEY"] = null };

    [Theory]
    [InlineData("Starmap:Redis:ConnectionString (--redis) must name the Redis server", "--clustering", "Redis")]
    [InlineData("Starmap:Redis:ConnectionString names no server", "--clustering", "Redis", "--redis", ",ssl=true")]
    [InlineData("Starmap:Clustering", "--clustering", "Cassandra")]
    [InlineData("Starmap:AdvertisedAddress (--advertised-address) must be an IP address, not 'silo-a.local'", "--clustering", "Redis", "--redis", "127.0.0.1:1", "--advertised-address", "silo-a.local")]
    [InlineData("Starmap:AdvertisedAddress is for the Redis and Kubernetes modes", "--advertised-address", "10.0.0.5")]
    [InlineData("Starmap:PrimarySiloPort (--primary-silo-port) is for embedded silos", "--clustering", "Redis", "--redis", "127.0.0.1:1", "--primary-silo-port", "11111")]
    [InlineData("Starmap:Tls:CertificatePath: no file at '/nonexistent/silo.pfx'", "--tls-certificate", "/nonexistent/silo.pfx")]
    public async Task A_setting_that_cannot_work_stops_the_silo_with_a_message_naming_it(string expected, params string[] args)
    {
        var data = TestFolders.New("config");
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, NoKeys, "starmap", args));
            Assert.Contains("silo exited", failure.Message, StringComparison.Ordinal);
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_Redis_server_that_does_not_answer_stops_the_silo_naming_its_address()
    {
        var data = TestFolders.New("config");
        var port = SiloProcess.FreePort();
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, NoKeys, "starmap",
                "--clustering", "Redis", "--redis", $"127.0.0.1:{port}", "--advertised-address", "127.0.0.1"));
            Assert.Contains($"UnableToConnect on 127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    /// <summary>
    /// No Kubernetes API runs here, so the strongest check of the Kubernetes mode is that it really wires
    /// Orleans' Kubernetes hosting: it reads the pod's variables, then asks for the in-cluster API.
    /// </summary>
    [Fact]
    public async Task Kubernetes_mode_uses_Orleans_Kubernetes_hosting_and_says_what_a_pod_must_provide()
    {
        var data = TestFolders.New("config");
        try
        {
            var outsidePod = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, NoKeys, "starmap",
                "--clustering", "Kubernetes", "--redis", "127.0.0.1:1"));
            Assert.Contains("POD_NAMESPACE", outsidePod.Message, StringComparison.Ordinal);

            var pod = new Dictionary<string, string?>(NoKeys) { ["POD_NAMESPACE"] = "starmap", ["POD_NAME"] = "starmap-silo-0", ["POD_IP"] = "127.0.0.1" };
            var noApi = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, pod, "starmap",
                "--clustering", "Kubernetes", "--redis", "127.0.0.1:1"));
            Assert.Contains("KUBERNETES_SERVICE_HOST", noApi.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
