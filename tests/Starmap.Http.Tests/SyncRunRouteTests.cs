using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// POST .../sync on a silo that waits 1 s for a sync: a slower sync answers 202 with a Location whose
/// run completes with the result; a dry run there never replaces the last real outcome.
/// </summary>
public sealed class SyncRunRouteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sync_slower_than_the_wait_answers_202_with_a_location_that_reports_the_result_and_dry_runs_keep_the_last_outcome()
    {
        await using var server = await ReplayServer.StartAsync(Cancel);
        var data = await SeededStore.NewFolderAsync("http-sync-runs");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__SyncWait", "00:00:01")));
            const string id = "slow-http";
            server.Map($"/{id}/v1/models", ReplayResponse.Json(ProviderPayloads.OpenAiList(["slow-a", "slow-b"])) with { Delay = TimeSpan.FromSeconds(4) });
            await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, Cancel))
            {
                await connection.Catalog.SetProviderAsync(new Provider
                {
                    Id = id,
                    Name = "Slow HTTP",
                    Auth = new ProviderAuth { KeyRequired = false },
                    Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.OpenAI, Url = server.Url($"/{id}/v1/models") } },
                });
            }
            using var client = new HttpClient { BaseAddress = silo.Http };
            client.DefaultRequestHeaders.Authorization = new("Bearer", HttpSilo.ApiKey);

            using var accepted = await client.PostAsync($"/api/v1/providers/{id}/sync?source=provider-api", null, Cancel);
            var body = JsonNode.Parse(await accepted.Content.ReadAsStringAsync(Cancel))!;
            Assert.True(HttpStatusCode.Accepted == accepted.StatusCode, $"{(int)accepted.StatusCode}: {body}");
            var location = accepted.Headers.Location!;
            Assert.Equal($"/api/v1/providers/{id}/sync/runs/{(string?)body["run_id"]}", location.OriginalString);
            Assert.NotNull(accepted.Headers.RetryAfter);
            Assert.Contains((string?)body["state"], new[] { "queued", "running" });

            var deadline = DateTime.UtcNow.AddSeconds(60);
            JsonNode run;
            while ((string?)(run = await client.JsonAsync(location.OriginalString))["state"] != "completed")
            {
                Assert.True(DateTime.UtcNow < deadline, $"the run did not complete: {run}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), Cancel);
            }
            Assert.Equal("applied", (string?)run["result"]!["status"]);
            Assert.Equal(2, run["result"]!["changes"]!["added_offerings"]!.AsArray().Count);

            var last = await client.JsonAsync($"/api/v1/providers/{id}/sync/last");
            Assert.Equal("applied", (string?)last["status"]);
            server.Map($"/{id}/v1/models", ReplayResponse.Json(ProviderPayloads.OpenAiList(["slow-a"])));
            using (var dry = await client.PostAsync($"/api/v1/providers/{id}/sync?source=provider-api&dry_run=true", null, Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            }
            Assert.Equal(last.ToJsonString(), (await client.JsonAsync($"/api/v1/providers/{id}/sync/last")).ToJsonString());

            Responses.Error(await client.JsonAsync($"/api/v1/providers/{id}/sync/runs/no-such-run", HttpStatusCode.NotFound), "not_found");
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
