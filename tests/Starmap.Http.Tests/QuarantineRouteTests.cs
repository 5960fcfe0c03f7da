using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// A models.dev sync with bad records answers with the quarantine notes it added, and
/// <c>GET /api/v1/quarantine</c> lists every quarantined field, filtered and paged.
/// </summary>
public sealed class QuarantineRouteTests
{
    private const string ProviderId = "quarantine-http";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string ModelsDev = new JsonObject
    {
        [ProviderId] = new JsonObject
        {
            ["id"] = ProviderId,
            ["name"] = "Quarantine HTTP",
            ["models"] = new JsonObject
            {
                ["good"] = new JsonObject { ["id"] = "good", ["name"] = "Good", ["cost"] = new JsonObject { ["input"] = 1, ["output"] = 2 } },
                ["overflow"] = new JsonObject
                {
                    ["id"] = "overflow", ["name"] = "Overflow\t",
                    ["limit"] = new JsonObject { ["context"] = 8192, ["output"] = 65536 },
                    ["cost"] = new JsonObject { ["input"] = -1, ["output"] = 2 },
                },
                ["undated"] = new JsonObject { ["id"] = "undated", ["name"] = "Undated", ["release_date"] = "someday" },
            },
        },
    }.ToJsonString();

    [Fact]
    public async Task The_sync_response_and_the_quarantine_list_show_each_refused_field_with_value_reason_source_and_model()
    {
        await using var server = await ReplayServer.StartAsync(Cancel);
        server.Map("/api.json", ReplayResponse.Json(ModelsDev));
        var data = await SeededStore.NewFolderAsync("http-quarantine");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Sources__ModelsDevUrl", server.Url("/api.json"))));
            await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, Cancel))
            {
                await connection.Catalog.SetProviderAsync(new Provider { Id = ProviderId, Name = "Quarantine HTTP" });
            }
            using var client = new HttpClient { BaseAddress = silo.Http };
            client.DefaultRequestHeaders.Authorization = new("Bearer", HttpSilo.ApiKey);

            using var synced = await client.PostAsync($"/api/v1/providers/{ProviderId}/sync?source=models.dev", null, Cancel);
            var result = JsonNode.Parse(await synced.Content.ReadAsStringAsync(Cancel))!;
            Assert.True(synced.StatusCode == HttpStatusCode.OK, result.ToJsonString());
            Assert.Equal("applied", (string?)result["status"]);
            Assert.Equal(3, result["changes"]!["added_offerings"]!.AsArray().Count);
            var added = result["changes"]!["quarantined"]!.AsArray();
            Assert.Equal(["overflow:limits.output_tokens", "overflow:name", "overflow:pricing.tokens.input", "undated:metadata.release_date"],
                added.Select(q => $"{(string?)q!["model_id"]}:{(string?)q["path"]}"));
            var limit = added[0]!;
            Assert.Equal(("offering", ProviderId, "65536", "must not exceed context_window (8192)", "models.dev"),
                ((string?)limit["kind"], (string?)limit["provider_id"], (string?)limit["value"], (string?)limit["reason"], (string?)limit["source"]));
            var generation = (long)result["generation"]!;

            var all = await client.JsonAsync($"/api/v1/quarantine?provider={ProviderId}&min_generation={generation}");
            Assert.Equal(4, (int)all["total"]!);
            Assert.Equal("Overflow\\u0009", (string?)all["items"]!.AsArray()[1]!["value"]);

            var pricing = await client.JsonAsync($"/api/v1/quarantine?provider={ProviderId}&field=pricing");
            Assert.Equal("pricing.tokens.input", (string?)Assert.Single(pricing["items"]!.AsArray())!["path"]);

            var undated = await client.JsonAsync($"/api/v1/quarantine?model=undat*");
            Assert.Equal("someday", (string?)Assert.Single(undated["items"]!.AsArray())!["value"]);

            var page = await client.JsonAsync($"/api/v1/quarantine?provider={ProviderId}&limit=2&offset=2");
            Assert.Equal((4, 2, 2), ((int)page["total"]!, (int)page["offset"]!, (int)page["limit"]!));
            Assert.Equal(["pricing.tokens.input", "metadata.release_date"], page["items"]!.AsArray().Select(i => (string?)i!["path"]));

            var model = await client.JsonAsync($"/api/v1/models/{ProviderId}/overflow");
            Assert.Equal(3, model["offering"]!["quarantine"]!.AsArray().Count);
            Assert.Equal(8192, (long)model["offering"]!["limits"]!["context_window"]!);
            Assert.Null(model["offering"]!["limits"]!["output_tokens"]);

            var bad = await client.JsonAsync("/api/v1/quarantine?limit=0", HttpStatusCode.BadRequest);
            Assert.Contains("limit", bad.ToJsonString(), StringComparison.Ordinal);
            await client.JsonAsync("/api/v1/quarantine?provider=Not_An_Id", HttpStatusCode.BadRequest);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
