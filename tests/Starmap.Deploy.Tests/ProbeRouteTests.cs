using System.Text.RegularExpressions;

namespace Starmap.Deploy.Tests;

/// <summary>The paths the probes and the HEALTHCHECK call are routes a real silo answers.</summary>
public sealed partial class ProbeRouteTests
{
    /// <summary>The path a HEALTHCHECK command requests.</summary>
    public static string HealthcheckPath(string command) => RequestLine().Match(command).Groups[1].Value;

    [Fact]
    public async Task Every_probe_path_answers_200_on_a_ready_silo_and_an_unknown_path_does_not()
    {
        var paths = Kubernetes.Containers(Kubernetes.Single("Deployment", "starmap-silo")).Single().Map()
            .Select(p => p.Value.At("httpGet", "path").Str()).OfType<string>()
            .Append(HealthcheckPath(Dockerfile.Load("deploy/docker/Dockerfile").HealthcheckCommand))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/health", "/ready"], paths);

        var data = await SeededStore.NewFolderAsync("deploy-probes");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data);
            using var http = new HttpClient { BaseAddress = silo.Http };
            var cancel = TestContext.Current.CancellationToken;
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(path, cancel);
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
            }
            using var unknown = await http.GetAsync("/healthz", cancel);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [GeneratedRegex(@"GET (\S+) HTTP/")]
    private static partial Regex RequestLine();
}
