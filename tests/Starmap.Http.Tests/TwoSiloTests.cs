using System.Diagnostics;
using Orleans.Runtime;
using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// Two silo processes in one cluster (B joins A with <c>--primary-silo-port</c>, same data folder): a write
/// through A is readable on B's HTTP API at the generation it returned, and B converges without asking.
/// </summary>
public sealed class TwoSiloTests
{
    private static readonly TimeSpan ConvergenceDeadline = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_through_one_silo_is_read_on_the_other_at_its_generation_and_converges_without_one()
    {
        var data = await SeededStore.NewFolderAsync("http-two-silos");
        try
        {
            await using var a = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey));
            await using var b = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey), "starmap",
                "--primary-silo-port", $"{a.SiloPort}", "--seed", "false");
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { a.Gateway } }, Cancel);
#pragma warning disable xUnit1051 // a grain call: the token is taken by WaitAsync
            var hosts = await connection.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Cancel);
#pragma warning restore xUnit1051
            Assert.Equal(2, hosts.Count);

            using var http = new HttpClient { BaseAddress = b.Http };
            var template = (await connection.Catalog.Providers.GetAsync("groq")).Offerings[0];

            // Read-your-writes: B answers at least the generation A's write returned.
            var first = await connection.Catalog.Providers.SetModelAsync("groq", template with { ModelId = "two-silos/first@v1", Name = "First Of Two" });
            using (var response = await http.GetAsync($"/api/v1/models/groq/two-silos/first@v1?min_generation={first.Generation}", Cancel))
            {
                var body = await response.Content.ReadAsStringAsync(Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"B: {(int)response.StatusCode} {body}");
                Assert.Equal("First Of Two", (string?)JsonNode.Parse(body)!["offering"]!["name"]);
                Assert.True(long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) >= first.Generation);
            }

            // Without min_generation B's replica reaches the next write within the deadline.
            var second = await connection.Catalog.Providers.SetModelAsync("groq", template with { ModelId = "two-silos/second@v1", Name = "Second Of Two" });
            var clock = Stopwatch.StartNew();
            while (true)
            {
                using var response = await http.GetAsync("/api/v1/models/groq/two-silos/second@v1", Cancel);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    // The tag is read before the answer, so it may lag the write by design (never lead it);
                    // it must not go back past what B already served.
                    var generation = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(generation >= first.Generation, $"B served generation {generation} < {first.Generation}");
                    Assert.Equal("Second Of Two", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["offering"]!["name"]);
                    break;
                }
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.True(clock.Elapsed < ConvergenceDeadline, $"B did not serve generation {second.Generation} within {ConvergenceDeadline}");
                await Task.Delay(50, Cancel);
            }
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
