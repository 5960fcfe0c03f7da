using System.Text;
using System.Text.Json;
using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// POST /api/v1/sync (every provider, with discover) and POST /api/v1/import on silos started empty
/// (<c>--seed false</c>), with models.dev served from a shipped fixture by a real loopback server.
/// </summary>
public sealed class CatalogSyncRouteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models.dev", "api.json");

    /// <summary>Provider ID → model IDs of the fixture, with models.dev IDs as the catalog names them.</summary>
    private static readonly Dictionary<string, string[]> FixtureModels = new()
    {
        ["acme"] = ["acme-large", "acme-small"],
        ["nova-labs"] = ["meta-llama/llama-3.1-8b-instruct"],
        ["wafer-ai"] = ["wafer-1"],
    };

    [Fact]
    public async Task Discover_on_an_empty_catalog_yields_exactly_the_snapshot_providers_and_models_and_a_dry_run_writes_nothing()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(FixturePath));
        using var anonymous = run.Client(null);
        using var client = run.Client(HttpSilo.ApiKey);

        var (unkeyed, _) = await PostAsync(anonymous, "/api/v1/sync?source=models.dev&discover=true");
        Assert.Equal(HttpStatusCode.Unauthorized, unkeyed);

        var (dryStatus, dry) = await PostAsync(client, "/api/v1/sync?source=models.dev&discover=true&dry_run=true");
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.True((bool)dry["dry_run"]!);
        Assert.Equal(3, (int)dry["totals"]!["discovered"]!);
        Assert.Equal(3, (int)dry["totals"]!["dry_run"]!);
        Assert.Equal(4, (int)dry["totals"]!["added_offerings"]!);
        var wouldCreate = dry["providers"]!.AsArray();
        Assert.Equal(FixtureModels.Keys.Order(), wouldCreate.Select(p => (string)p!["provider_id"]!));
        Assert.Equal("wafer.ai", (string?)wouldCreate.Single(p => (string?)p!["provider_id"] == "wafer-ai")!["models_dev_id"]);
        Assert.Equal(["acme-large", "acme-small"], wouldCreate[0]!["changes"]!["added_offerings"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal("acme", (string?)wouldCreate[0]!["changes"]!["provider"]!["id"]);
        Assert.Empty((await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray());

        var (status, applied) = await PostAsync(client, "/api/v1/sync?source=models.dev&discover=true");
        Assert.True(HttpStatusCode.OK == status, applied.ToJsonString());
        Assert.Equal(3, (int)applied["totals"]!["discovered"]!);
        Assert.Equal(3, (int)applied["totals"]!["applied"]!);
        Assert.Null(applied["providers"]![0]!["changes"]);
        Assert.Contains(applied["warnings"]!.AsArray(), w => ((string)w!).Contains("'wafer.ai'", StringComparison.Ordinal) && ((string)w!).Contains("'wafer-ai'", StringComparison.Ordinal));

        var generation = (long)applied["generation"]!;
        var providers = (await client.JsonAsync($"/api/v1/providers?min_generation={generation}"))["items"]!.AsArray();
        Assert.Equal(FixtureModels.Keys.Order(), providers.Select(p => (string)p!["id"]!));
        foreach (var (id, models) in FixtureModels)
        {
            var served = await client.JsonAsync($"/api/v1/providers/{id}");
            Assert.Equal(models, served["offerings"]!.AsArray().Select(o => (string)o!["model_id"]!));
        }
        var acme = (await client.JsonAsync("/api/v1/providers/acme"))["provider"]!;
        Assert.Equal("Acme AI", (string?)acme["name"]);
        Assert.Equal(["ACME_API_KEY"], acme["auth"]!["api_key_env_vars"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("https://api.acme.example/v1", (string?)acme["inference"]!["base_url"]);
        Assert.Equal("@ai-sdk/openai-compatible", (string?)acme["inference"]!["sdk_package"]);
        Assert.Equal("https://acme.example/docs/models", (string?)acme["docs_url"]);

        var (_, again) = await PostAsync(client, "/api/v1/sync?source=models.dev&discover=true");
        Assert.Equal(0, (int)again["totals"]!["discovered"]!);
        Assert.Equal(3, (int)again["totals"]!["no_changes"]!);
    }

    [Fact]
    public async Task A_failing_provider_is_reported_in_its_own_entry_and_the_others_still_sync()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(FixturePath));
        run.Server.Map("/broken/v1/models", ReplayResponse.WithStatus(500, "{\"error\":\"down\"}"));
        await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { run.Silo.Gateway } }, Cancel))
        {
            await connection.Catalog.SetProviderAsync(new Provider
            {
                Id = "broken",
                Name = "Broken",
                Auth = new ProviderAuth { KeyRequired = false },
                Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.OpenAI, Url = run.Server.Url("/broken/v1/models") } },
            });
        }
        using var client = run.Client(HttpSilo.ApiKey);

        var (status, result) = await PostAsync(client, "/api/v1/sync?discover=true");

        Assert.True(HttpStatusCode.OK == status, result.ToJsonString());
        var entries = result["providers"]!.AsArray();
        var broken = entries.Single(p => (string?)p!["provider_id"] == "broken")!;
        Assert.Equal("rejected", (string?)broken["status"]);
        Assert.Contains("provider-api", (string?)broken["reason"], StringComparison.Ordinal);
        Assert.Equal(3, entries.Count(p => (string?)p!["status"] == "applied"));
        Assert.Equal(1, (int)result["totals"]!["rejected"]!);
        Assert.Equal(4, (int)result["totals"]!["providers"]!);
    }

    [Fact]
    public async Task A_run_longer_than_the_wait_answers_202_with_a_location_that_completes_with_the_summary()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(FixturePath), ("Starmap__Http__SyncWait", "00:00:00"));
        using var client = run.Client(HttpSilo.ApiKey);

        using var accepted = await client.PostAsync("/api/v1/sync?source=models.dev&discover=true", null, Cancel);
        var body = JsonNode.Parse(await accepted.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(HttpStatusCode.Accepted == accepted.StatusCode, body.ToJsonString());
        Assert.Equal($"/api/v1/sync/runs/{(string?)body["run_id"]}", accepted.Headers.Location!.OriginalString);

        var completed = await PollAsync(client, accepted.Headers.Location.OriginalString);
        Assert.Equal(3, (int)completed["result"]!["totals"]!["applied"]!);
        Assert.Equal(3, (int)completed["total"]!);
        Assert.Equal(3, (int)completed["done"]!);
        Responses.Error(await client.JsonAsync("/api/v1/sync/runs/no-such-run", HttpStatusCode.NotFound), "not_found");
    }

    [Fact]
    public async Task Bad_parameters_are_400_naming_them_and_start_nothing()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(FixturePath));
        using var client = run.Client(HttpSilo.ApiKey);

        Responses.Error((await PostAsync(client, "/api/v1/sync?source=nowhere")).Body, "invalid_parameter", "source");
        Responses.Error((await PostAsync(client, "/api/v1/sync?source=provider-api&discover=true")).Body, "invalid_parameter", "discover");
        Responses.Error((await PostAsync(client, "/api/v1/sync?discover=maybe")).Body, "invalid_parameter", "discover");
        Responses.Error((await PostAsync(client, "/api/v1/sync?everything=true")).Body, "unknown_parameter", "everything");
        Assert.Empty((await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray());
    }

    [Fact]
    public async Task The_import_route_dry_runs_to_the_changeset_then_creates_the_file_providers_and_merges_a_changed_price()
    {
        // models.dev itself is unreachable here: everything comes from the body.
        await using var run = await EmptySilo.StartAsync(ReplayResponse.WithStatus(503));
        using var anonymous = run.Client(null);
        using var client = run.Client(HttpSilo.ApiKey);
        var file = await File.ReadAllTextAsync(FixturePath, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/api/v1/import?format=models.dev", file)).Status);

        var (dryStatus, dry) = await PostAsync(client, "/api/v1/import?format=models.dev&dry_run=true", file);
        Assert.True(HttpStatusCode.OK == dryStatus, dry.ToJsonString());
        Assert.Equal(3, (int)dry["totals"]!["discovered"]!);
        var acmeChanges = dry["providers"]!.AsArray().Single(p => (string?)p!["provider_id"] == "acme")!["changes"]!;
        var price = acmeChanges["added_offerings"]![0]!["fields"]!.AsArray().Single(f => (string?)f!["path"] == "pricing.tokens.input")!;
        Assert.Equal("3", (string?)price["new"]);
        Assert.Equal("models.dev", (string?)price["source"]);
        Assert.Empty((await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray());

        var (status, imported) = await PostAsync(client, "/api/v1/import", file);
        Assert.True(HttpStatusCode.OK == status, imported.ToJsonString());
        Assert.Equal(3, (int)imported["totals"]!["applied"]!);
        var generation = (long)imported["generation"]!;
        Assert.Equal(FixtureModels.Keys.Order(), (await client.JsonAsync($"/api/v1/providers?min_generation={generation}"))["items"]!.AsArray().Select(p => (string)p!["id"]!));

        var changed = file.Replace("\"cost\": { \"input\": 3,", "\"cost\": { \"input\": 2.5,", StringComparison.Ordinal);
        Assert.NotEqual(file, changed);
        var (_, update) = await PostAsync(client, "/api/v1/import?format=models.dev", changed);
        Assert.Equal(0, (int)update["totals"]!["discovered"]!);
        Assert.Equal(1, (int)update["totals"]!["updated_offerings"]!);
        Assert.Equal(2, (int)update["totals"]!["no_changes"]!);
        var large = await client.JsonAsync($"/api/v1/models/acme/acme-large?min_generation={(long)update["generation"]!}");
        Assert.Equal(2.5m, (decimal)large["offering"]!["pricing"]!["tokens"]!["input"]!);

        // The change log names the write an import, made through HTTP, with the file as the price's source.
        var logged = (await client.JsonAsync($"/api/v1/changes/{(long)update["generation"]!}"))["items"]!.AsArray();
        Assert.NotEmpty(logged);
        Assert.All(logged, c => Assert.Equal("import", (string?)c!["origin"]));
        var repriced = logged.Single(c => (string?)c!["path"] == "pricing.tokens.input")!;
        Assert.Equal(("acme-large", 3m, 2.5m), ((string?)repriced["model_id"], (decimal)repriced["old"]!, (decimal)repriced["new"]!));
        Assert.All((await client.JsonAsync($"/api/v1/changes/{generation}"))["items"]!.AsArray(), c => Assert.Equal("import", (string?)c!["origin"]));
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be an object of providers")]
    [InlineData("{}", "lists no providers")]
    [InlineData("", "is empty")]
    public async Task A_body_that_is_no_models_dev_file_is_400_naming_why_and_nothing_is_written(string body, string reason)
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.WithStatus(503));
        using var client = run.Client(HttpSilo.ApiKey);

        var (status, answer) = await PostAsync(client, "/api/v1/import?format=models.dev", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, (string?)Responses.Error(answer, "invalid_parameter", "body")["message"], StringComparison.Ordinal);
        Assert.Empty((await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray());
    }

    [Fact]
    public async Task An_import_past_the_size_cap_is_413_and_another_format_is_400()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.WithStatus(503), ("Starmap__Http__MaxImportBytes", "1000"));
        using var client = run.Client(HttpSilo.ApiKey);
        var file = await File.ReadAllTextAsync(FixturePath, Cancel);

        var (status, answer) = await PostAsync(client, "/api/v1/import?format=models.dev", file);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Responses.Error(answer, "payload_too_large");

        Responses.Error((await PostAsync(client, "/api/v1/import?format=starmap", "{}")).Body, "invalid_parameter", "format");
        Assert.Empty((await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Discover_of_the_shared_snapshot_on_an_empty_catalog_creates_its_175_providers_with_their_models()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var snapshot = SharedFixtures.Path("models.dev", "api.json");
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(snapshot), ("Starmap__Http__SyncWait", "00:00:00"));
        using var client = run.Client(HttpSilo.ApiKey);
        var source = JsonNode.Parse(await File.ReadAllTextAsync(snapshot, Cancel))!.AsObject();

        using var accepted = await client.PostAsync("/api/v1/sync?source=models.dev&discover=true", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var summary = (await PollAsync(client, accepted.Headers.Location!.OriginalString, TimeSpan.FromMinutes(5)))["result"]!;

        var entries = summary["providers"]!.AsArray();
        Assert.Equal(175, source.Count);
        Assert.Equal(source.Count, entries.Count);
        var generation = (long?)summary["generation"] ?? 0;
        var served = (await client.JsonAsync($"/api/v1/providers?min_generation={generation}"))["items"]!.AsArray().Select(p => (string)p!["id"]!).ToHashSet();
        var created = entries.Where(p => (bool)p!["discovered"]!).Select(p => (string)p!["provider_id"]!).ToList();
        Assert.Equal(created.Order(), served.Order());
        var offerings = 0;
        // Every release date, price and limit of the source is served, or refused with a quarantine note on that field.
        var facts = new Dictionary<string, (int Source, int Served, int Quarantined)>(StringComparer.Ordinal);
        void Count(string field, JsonNode? sourceValue, JsonNode? servedValue, JsonArray? quarantine)
        {
            if (sourceValue is null || (sourceValue.GetValueKind() == JsonValueKind.Number && field.StartsWith("limits.", StringComparison.Ordinal) && (long)sourceValue <= 0))
            {
                return; // unknown in the source (models.dev writes 0 for a limit it does not know)
            }
            var (total, served, quarantined) = facts.GetValueOrDefault(field);
            var same = servedValue is not null && (sourceValue.GetValueKind() == JsonValueKind.Number
                ? decimal.Parse(sourceValue.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) == decimal.Parse(servedValue.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                : ((string?)servedValue ?? "").StartsWith((string)sourceValue!, StringComparison.Ordinal)); // a month or year date is served as its first day
            var noted = quarantine?.Any(n => (string?)n!["path"] == field) == true;
            Assert.True(same || (servedValue is null && noted), $"{field}: source {sourceValue.ToJsonString()}, served {servedValue?.ToJsonString() ?? "nothing"}");
            facts[field] = (total + 1, served + (same ? 1 : 0), quarantined + (same ? 0 : 1));
        }
        foreach (var entry in entries.Where(p => (bool)p!["discovered"]!))
        {
            var id = (string)entry!["provider_id"]!;
            var modelsDevId = (string?)entry["models_dev_id"] ?? id;
            var sourceModels = source[modelsDevId]!["models"]!.AsObject();
            var expected = sourceModels.Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
            var servedOfferings = (await client.JsonAsync($"/api/v1/providers/{Uri.EscapeDataString(id)}"))["offerings"]!.AsArray();
            var models = servedOfferings.Select(o => (string)o!["model_id"]!).ToList();
            Assert.Equal(expected, models);
            offerings += models.Count;
            foreach (var offering in servedOfferings)
            {
                var src = sourceModels[(string)offering!["model_id"]!]!;
                var quarantine = offering["quarantine"]?.AsArray();
                Count("metadata.release_date", src["release_date"], offering["metadata"]?["release_date"], quarantine);
                Count("pricing.tokens.input", src["cost"]?["input"], offering["pricing"]?["tokens"]?["input"], quarantine);
                Count("pricing.tokens.output", src["cost"]?["output"], offering["pricing"]?["tokens"]?["output"], quarantine);
                Count("pricing.tokens.cache_read", src["cost"]?["cache_read"], offering["pricing"]?["tokens"]?["cache_read"], quarantine);
                Count("limits.context_window", src["limit"]?["context"], offering["limits"]?["context_window"], quarantine);
                Count("limits.output_tokens", src["limit"]?["output"], offering["limits"]?["output_tokens"], quarantine);
            }
        }
        Assert.Equal(offerings, (int)summary["totals"]!["added_offerings"]!);
        TestContext.Current.TestOutputHelper?.WriteLine($"shared snapshot discover in {(string?)summary["duration"]}: {created.Count} of {source.Count} providers created, {offerings} offerings; " +
            $"not created: {string.Join("; ", entries.Where(p => !(bool)p!["discovered"]!).Select(p => $"{p!["provider_id"]}: {p["reason"]}"))}");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", facts.Select(f => $"{f.Key}: {f.Value.Served} served + {f.Value.Quarantined} quarantined of {f.Value.Source}")));
        // One bad record never sinks its provider: every provider and every model of the snapshot is served.
        Assert.Equal(source.Count, created.Count);
        Assert.Equal(source.Sum(p => p.Value!["models"]!.AsObject().Count), offerings);
        // Prices came through exactly; only a value that could not be right (a date that is none) is held back with a note.
        Assert.All(facts.Where(f => f.Key.StartsWith("pricing.", StringComparison.Ordinal)), f => Assert.Equal(0, f.Value.Quarantined));
        Assert.True(facts["metadata.release_date"].Served >= facts["metadata.release_date"].Source - 1);
    }

    [Fact]
    public async Task A_silo_with_a_discover_interval_creates_the_snapshot_providers_on_its_own_schedule()
    {
        await using var run = await EmptySilo.StartAsync(ReplayResponse.File(FixturePath),
            ("Starmap__MinimumSyncInterval", "00:00:01"), ("Starmap__Sync__DiscoverInterval", "00:00:02"));
        using var client = run.Client(null);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonArray providers;
        while ((providers = (await client.JsonAsync("/api/v1/providers"))["items"]!.AsArray()).Count < FixtureModels.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no scheduled discover created the providers: {providers}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Cancel);
        }
        Assert.Equal(FixtureModels.Keys.Order(), providers.Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task A_discover_interval_below_the_minimum_stops_the_start_naming_the_setting()
    {
        var data = await SeededStore.NewFolderAsync("http-discover-interval");
        try
        {
            var start = SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Sync__DiscoverInterval", "00:00:05")));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
            Assert.Contains("Starmap:Sync:DiscoverInterval", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, string url, string? body = null)
    {
        using var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } location)
        {
            // A loaded machine can take longer than SyncWait: the run's summary is then at its Location,
            // the same summary a 200 carries (A_run_longer_than_the_wait_... tests the 202 itself).
            var completed = await PollAsync(client, location.OriginalString, TimeSpan.FromMinutes(3));
            return (HttpStatusCode.OK, completed["result"]!.DeepClone());
        }
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private static async Task<JsonNode> PollAsync(HttpClient client, string location, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        JsonNode run;
        while ((string?)(run = await client.JsonAsync(location))["state"] != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the run did not complete: {run}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), Cancel);
        }
        return run;
    }

    /// <summary>A silo started empty whose models.dev URL is a replay server answering <c>/api.json</c>.</summary>
    private sealed class EmptySilo : IAsyncDisposable
    {
        private readonly string _data;

        private EmptySilo(ReplayServer server, SiloProcess silo, string data)
        {
            Server = server;
            Silo = silo;
            _data = data;
        }

        public ReplayServer Server { get; }

        public SiloProcess Silo { get; }

        public static async Task<EmptySilo> StartAsync(ReplayResponse modelsDev, params (string Name, string Value)[] extra)
        {
            var server = await ReplayServer.StartAsync(Cancel);
            server.Map("/api.json", modelsDev);
            var data = TestFolders.New("http-catalog-sync");
            try
            {
                var environment = HttpSilo.Environment(HttpSilo.ApiKey, [("Starmap__Sources__ModelsDevUrl", server.Url("/api.json")), .. extra]);
                var silo = await SiloProcess.StartAsync(data, environment, "starmap", "--seed", "false");
                return new EmptySilo(server, silo, data);
            }
            catch
            {
                await server.DisposeAsync();
                TestFolders.Delete(data);
                throw;
            }
        }

        public HttpClient Client(string? apiKey) => HttpSilo.ClientOf(Silo, apiKey, timeoutSeconds: 120);

        public async ValueTask DisposeAsync()
        {
            await Silo.DisposeAsync();
            await Server.DisposeAsync();
            TestFolders.Delete(_data);
        }
    }
}
