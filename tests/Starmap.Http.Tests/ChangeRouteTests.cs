using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// The change log through every surface of one silo: writes by a .NET client, an HTTP sync and an import
/// are recorded with their origins (and a sync's price change with its source); <c>GET /api/v1/changes</c>
/// filters and pages them oldest or newest first, <c>/changes/{generation}</c> sums one up, the client API reads the same, and
/// the update stream's events carry the summary and link.
/// </summary>
public sealed class ChangeRouteTests
{
    private const string ProviderId = "changes-http";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string ModelsDev(decimal input) => new JsonObject
    {
        [ProviderId] = new JsonObject
        {
            ["id"] = ProviderId,
            ["name"] = "Changes HTTP",
            ["models"] = new JsonObject
            {
                ["m1"] = new JsonObject { ["id"] = "m1", ["name"] = "M1", ["cost"] = new JsonObject { ["input"] = input, ["output"] = 10 } },
            },
        },
    }.ToJsonString();

    [Fact(Timeout = 240_000)]
    public async Task Writes_of_each_surface_are_listed_with_origin_source_and_values_filtered_paged_and_summed_up()
    {
        await using var server = await ReplayServer.StartAsync(Cancel);
        server.Map("/api.json", ReplayResponse.Json(ModelsDev(1.5m)), ReplayResponse.Json(ModelsDev(2.25m)));
        var data = await SeededStore.NewFolderAsync("http-changes");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey,
                ("Starmap__Sources__ModelsDevUrl", server.Url("/api.json")), ("Starmap__Sources__ModelsDevCacheDuration", "00:00:00")));
            using var client = new HttpClient { BaseAddress = silo.Http };
            client.DefaultRequestHeaders.Authorization = new("Bearer", HttpSilo.ApiKey);
            using var streaming = new HttpClient { BaseAddress = silo.Http, Timeout = Timeout.InfiniteTimeSpan };
            streaming.DefaultRequestHeaders.Authorization = new("Bearer", HttpSilo.ApiKey);
            using var stream = await streaming.GetAsync("/api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, Cancel);
            var events = new StreamReader(await stream.Content.ReadAsStreamAsync(Cancel));
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, Cancel);
            // The stream's first event is where the catalog stands (no summary): read it before writing.
            var current = await NextPublishedAsync(events, 0);
            Assert.Null(current["summary"]);

            // A .NET client's write, and the update stream's event for it.
            var created = await connection.Catalog.SetProviderAsync(new Provider { Id = ProviderId, Name = "Changes HTTP" });
            var published = await NextPublishedAsync(events, created.Generation);
            Assert.Equal($"/api/v1/changes/{created.Generation}", (string?)published["changes"]);
            Assert.Equal((1, "client", ProviderId), ((int)published["summary"]!["added"]!, (string?)published["summary"]!["origins"]![0], (string?)published["summary"]!["providers"]![0]));
            Assert.NotNull(published["providers"]);

            // Two syncs over HTTP: the second changes the input price.
            await SyncAsync(client);
            var repriced = await SyncAsync(client);

            // A file import through the client.
            var imported = await connection.Catalog.ImportAsync(new CatalogContent
            {
                Providers = [new ProviderDetails { Provider = new Provider { Id = ProviderId + "-imported", Name = "Imported" } }],
            });

            var pricing = await client.JsonAsync($"/api/v1/changes?provider={ProviderId}&model=m1&field=pricing.tokens.input");
            var change = pricing["items"]!.AsArray()[^1]!;
            Assert.Equal((repriced, "sync", "models.dev", "provider", ProviderId, "m1", "changed", "pricing.tokens.input"),
                ((long)change["generation"]!, (string?)change["origin"], (string?)change["source"], (string?)change["entity"],
                 (string?)change["entity_id"], (string?)change["model_id"], (string?)change["kind"], (string?)change["path"]));
            Assert.Equal((1.5m, 2.25m), ((decimal)change["old"]!, (decimal)change["new"]!));
            Assert.Equal(System.Text.Json.JsonValueKind.Number, change["new"]!.GetValueKind());
            Assert.True(DateTimeOffset.TryParse((string?)change["at"], System.Globalization.CultureInfo.InvariantCulture, out _));

            var import = await client.JsonAsync($"/api/v1/changes?provider={ProviderId}-imported");
            Assert.Equal(("import", "added", imported.Generation), ((string?)import["items"]![0]!["origin"], (string?)import["items"]![0]!["kind"], (long)import["items"]![0]!["generation"]!));
            Assert.Equal("client", (string?)(await client.JsonAsync($"/api/v1/changes?provider={ProviderId}&until_generation={created.Generation}"))["items"]![0]!["origin"]);

            // Paging: a next cursor and a Link header, until the last page; the same changes as the client API's.
            var all = new List<string>();
            var url = $"/api/v1/changes?provider={ProviderId}&limit=1";
            while (true)
            {
                using var response = await client.GetAsync(url, Cancel);
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                all.AddRange(page["items"]!.AsArray().Select(i => $"{(long)i!["generation"]!}.{(int)i["sequence"]!}"));
                if ((string?)page["next"] is not { } next)
                {
                    Assert.False(response.Headers.Contains("Link"));
                    break;
                }
                Assert.Contains($"after={next}", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
                url = $"/api/v1/changes?provider={ProviderId}&limit=1&after={next}";
            }
            var fromClient = new List<string>();
            await foreach (var c in connection.Catalog.Changes.ReadAllAsync(new ChangeQuery { Provider = ProviderId, Limit = 2 }, Cancel))
            {
                fromClient.Add($"{c.Generation}.{c.Sequence}");
            }
            Assert.True(all.Count >= 3, string.Join(" ", all));
            Assert.Equal(all, fromClient);
            // Newest first: the same changes in reverse, paged backwards with the same cursor and Link; the client's too.
            var newest = new List<string>();
            url = $"/api/v1/changes?provider={ProviderId}&limit=2&order=desc";
            while (true)
            {
                using var response = await client.GetAsync(url, Cancel);
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                newest.AddRange(page["items"]!.AsArray().Select(i => $"{(long)i!["generation"]!}.{(int)i["sequence"]!}"));
                if ((string?)page["next"] is not { } next)
                {
                    break;
                }
                Assert.Contains($"order=desc", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
                url = $"/api/v1/changes?provider={ProviderId}&limit=2&order=desc&after={next}";
            }
            Assert.Equal(Enumerable.Reverse(all), newest);
            var latest = await connection.Catalog.Changes.ListAsync(new ChangeQuery { Provider = ProviderId, Limit = 1, Order = ChangeOrder.NewestFirst });
            Assert.Equal(all[^1], $"{latest.Items[0].Generation}.{latest.Items[0].Sequence}");
            Assert.Equal(all, (await client.JsonAsync($"/api/v1/changes?provider={ProviderId}&order=asc"))["items"]!.AsArray().Select(i => $"{(long)i!["generation"]!}.{(int)i["sequence"]!}"));

            var listed = await connection.Catalog.Changes.ListAsync(new ChangeQuery { Provider = ProviderId, Field = "pricing" });
            Assert.Contains(listed.Items, c => c is { Origin: ChangeOrigins.Sync, Source: "models.dev", New: "2.25" });

            // One generation: its time, origin and summary; a generation the log does not hold is a 404.
            var one = await client.JsonAsync($"/api/v1/changes/{repriced}");
            Assert.Equal((repriced, "sync", ProviderId), ((long)one["generation"]!, (string?)one["origin"], (string?)one["summary"]!["providers"]![0]));
            Assert.True((int)one["summary"]!["changed"]! >= 1);
            Assert.All(one["items"]!.AsArray(), i => Assert.Equal(repriced, (long)i!["generation"]!));
            Responses.Error(await client.JsonAsync("/api/v1/changes/99999999", HttpStatusCode.NotFound), "not_found");

            // Bad parameters are named.
            Responses.Error(await client.JsonAsync("/api/v1/changes?limit=0", HttpStatusCode.BadRequest), "invalid_parameter", "limit");
            Responses.Error(await client.JsonAsync("/api/v1/changes?since=yesterday", HttpStatusCode.BadRequest), "invalid_parameter", "since");
            Responses.Error(await client.JsonAsync("/api/v1/changes?after=x", HttpStatusCode.BadRequest), "invalid_parameter", "after");
            Responses.Error(await client.JsonAsync("/api/v1/changes?order=newest", HttpStatusCode.BadRequest), "invalid_parameter", "order");
            Responses.Error(await client.JsonAsync($"/api/v1/changes/{repriced}?order=up", HttpStatusCode.BadRequest), "invalid_parameter", "order");
            Responses.Error(await client.JsonAsync("/api/v1/changes?since_generation=-1", HttpStatusCode.BadRequest), "invalid_parameter", "since_generation");
            Responses.Error(await client.JsonAsync("/api/v1/changes?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest), "invalid_parameter", "until");
            Responses.Error(await client.JsonAsync("/api/v1/changes?modle=m1", HttpStatusCode.BadRequest), "unknown_parameter", "modle");
            Responses.Error(await client.JsonAsync("/api/v1/changes?since_generation=20&until_generation=10", HttpStatusCode.BadRequest), "invalid_parameter", "until_generation");
            // An ID no provider or author can have (IDs are lower-case kebab-case) is said to be that, as /models says it.
            Responses.Error(await client.JsonAsync("/api/v1/changes?provider=OpenAI", HttpStatusCode.BadRequest), "invalid_parameter", "provider");
            Responses.Error(await client.JsonAsync("/api/v1/changes?author=Meta%20AI", HttpStatusCode.BadRequest), "invalid_parameter", "author");
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static async Task<long> SyncAsync(HttpClient client)
    {
        using var synced = await client.PostAsync($"/api/v1/providers/{ProviderId}/sync?source=models.dev", null, Cancel);
        var result = JsonNode.Parse(await synced.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(synced.StatusCode == HttpStatusCode.OK, result.ToJsonString());
        Assert.True((string?)result["status"] == "applied", result.ToJsonString());
        return (long)result["generation"]!;
    }

    // The data of the first catalog.published event at or after `generation`.
    private static async Task<JsonNode> NextPublishedAsync(StreamReader events, long generation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await events.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonNode.Parse(line["data: ".Length..]) is { } data && (long)data["generation"]! >= generation)
            {
                return data;
            }
        }
    }
}
