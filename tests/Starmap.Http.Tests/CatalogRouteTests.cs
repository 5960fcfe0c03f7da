namespace Starmap.Http.Tests;

/// <summary>Provider, author and endpoint routes, the exports and the OpenAPI document.</summary>
public sealed class CatalogRouteTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    [Fact]
    public async Task Providers_list_one_provider_and_its_models()
    {
        var list = await _http.JsonAsync("/api/v1/providers");
        Assert.True((long)list["generation"]! > 0);
        Assert.Contains(list["items"]!.AsArray(), p => (string?)p!["id"] == "openai");

        var openai = await _http.JsonAsync("/api/v1/providers/openai");
        Assert.Equal("openai", (string?)openai["provider"]!["id"]);
        Assert.NotEmpty(openai["offerings"]!.AsArray());

        var models = await _http.JsonAsync("/api/v1/providers/openai/models?limit=3&sort=context&order=desc");
        Assert.Equal(3, (int)models["limit"]!);
        Assert.All(models["items"]!.AsArray(), m => Assert.Equal("openai", (string?)m!["offering"]!["provider_id"]));
        Assert.Equal(openai["offerings"]!.AsArray().Count, (int)models["total"]!);
    }

    [Fact]
    public async Task Authors_list_one_author_and_its_models()
    {
        var list = await _http.JsonAsync("/api/v1/authors");
        Assert.Contains(list["items"]!.AsArray(), a => (string?)a!["id"] == "meta");
        var meta = await _http.JsonAsync("/api/v1/authors/meta");
        Assert.Equal("meta", (string?)meta["author"]!["id"]);
        var models = await _http.JsonAsync("/api/v1/authors/meta/models?limit=1000");
        Assert.True((int)models["total"]! > 0);
    }

    [Fact]
    public async Task A_provider_or_author_filter_that_contradicts_the_path_is_a_bad_request_naming_it_and_the_same_id_is_taken()
    {
        var other = await _http.JsonAsync("/api/v1/providers/openai/models?provider=anthropic", HttpStatusCode.BadRequest);
        var otherAuthor = await _http.JsonAsync("/api/v1/authors/meta/models?author=openai&limit=1", HttpStatusCode.BadRequest);
        var same = await _http.JsonAsync("/api/v1/providers/openai/models?provider=openai&limit=1");

        Assert.Contains("'anthropic' contradicts the provider in the path ('openai')", (string)Responses.Error(other, "invalid_parameter", "provider")["message"]!, StringComparison.Ordinal);
        Responses.Error(otherAuthor, "invalid_parameter", "author");
        Assert.Equal("openai", (string?)same["items"]![0]!["offering"]!["provider_id"]);
    }

    [Fact]
    public async Task A_providers_models_take_the_summary_fields_and_a_generation_like_the_models_route()
    {
        var full = await _http.JsonAsync("/api/v1/models?provider=openai&fields=summary&limit=5");
        var scoped = await _http.JsonAsync("/api/v1/providers/openai/models?fields=summary&limit=5");
        var atGeneration = await _http.JsonAsync($"/api/v1/authors/meta/models?generation={(long)full["generation"]!}&limit=1");

        Assert.Equal(full["items"]!.ToJsonString(), scoped["items"]!.ToJsonString());
        Assert.Null(scoped["items"]![0]!["offering"]);
        Assert.Equal((long)full["generation"]!, (long)atGeneration["generation"]!);
        Responses.Error(await _http.JsonAsync("/api/v1/providers/no-such-lab/models?fields=summary", HttpStatusCode.NotFound), "not_found");
    }

    [Fact]
    public async Task Endpoints_are_listed()
    {
        var list = await _http.JsonAsync("/api/v1/endpoints");
        Assert.Contains(list["items"]!.AsArray(), e => (string?)e!["id"] == "openai/chat-completions");
    }

    [Fact]
    public async Task The_openai_export_has_the_openai_list_shape_with_one_provider_slash_model_id_per_offering()
    {
        var list = await _http.JsonAsync("/v1/models");
        Assert.Equal("list", (string?)list["object"]);
        var data = list["data"]!.AsArray();
        Assert.NotEmpty(data);
        Assert.All(data, m =>
        {
            Assert.Equal("model", (string?)m!["object"]);
            Assert.False(string.IsNullOrEmpty((string?)m["id"]));
            Assert.False(string.IsNullOrEmpty((string?)m["owned_by"]));
            Assert.Equal(System.Text.Json.JsonValueKind.Number, m["created"]!.GetValueKind());
        });
        // The same model served by two providers (openai/gpt-oss-120b on groq and openrouter) is two IDs.
        var ids = data.Select(m => (string)m!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("groq/" + HttpSilo.SlashAtId, ids);
        var providers = (await _http.JsonAsync("/api/v1/providers"))["items"]!.AsArray().Select(p => (string)p!["id"]!).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id[..id.IndexOf('/', StringComparison.Ordinal)], providers));
    }

    [Fact]
    public async Task The_openrouter_export_lists_each_model_once_by_author_slug_at_its_cheapest_known_price()
    {
        var list = await _http.JsonAsync("/api/v1/openrouter/models");
        var data = list["data"]!.AsArray().Select(m => m!).ToList();
        var ids = data.Select(e => (string)e["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(data, e => Assert.Equal((string?)e["id"], (string?)e["canonical_slug"]));

        // One entry per definition (author/slug); an offering without one stands for itself.
        // Every page: the built-in catalog holds more offerings than one.
        var models = new List<JsonNode>();
        int total;
        do
        {
            var page = await _http.JsonAsync($"/api/v1/models?limit=1000&offset={models.Count}&min_generation={shared.Generation}");
            total = (int)page["total"]!;
            models.AddRange(page["items"]!.AsArray().Select(m => m!));
        }
        while (models.Count < total);
        var bySlug = models.GroupBy(Slug).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(bySlug.Keys.Order(StringComparer.Ordinal), ids);
        foreach (var entry in data)
        {
            var prices = bySlug[(string)entry["id"]!].Select(m => (decimal?)m["offering"]!["pricing"]?["tokens"]?["input"]).OfType<decimal>().ToList();
            var prompt = (string?)entry["pricing"]!["prompt"];
            if (prices.Count == 0)
            {
                Assert.Null(prompt);
                continue;
            }
            Assert.NotNull(prompt);
            Assert.DoesNotContain("E", prompt, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(prices.Min() / 1_000_000m, decimal.Parse(prompt, System.Globalization.CultureInfo.InvariantCulture));
        }
        var unpriced = data.Single(e => (string?)e["id"] == Slug(models.Single(m => (string?)m["offering"]!["model_id"] == HttpSilo.UnpricedId)));
        Assert.Null(unpriced["pricing"]!["prompt"]);
        Assert.Null(unpriced["pricing"]!["completion"]);
        Assert.All(data, e => Assert.NotNull(e["architecture"]!["input_modalities"]));
    }

    private static string Slug(JsonNode model) =>
        (string?)model["offering"]!["definition_id"]
        ?? ((string?)model["author_ids"]?.AsArray().FirstOrDefault() ?? (string)model["offering"]!["provider_id"]!) + "/" + (string)model["offering"]!["model_id"]!;

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        var document = await _http.JsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        (string Path, string Method)[] expected =
        [
            ("/api/v1/models", "get"), ("/api/v1/models/{provider}/{modelId}", "get"),
            ("/api/v1/providers", "get"), ("/api/v1/providers/{id}", "get"), ("/api/v1/providers/{id}/models", "get"),
            ("/api/v1/authors", "get"), ("/api/v1/authors/{id}", "get"), ("/api/v1/authors/{id}/models", "get"),
            ("/api/v1/endpoints", "get"), ("/api/v1/quarantine", "get"), ("/api/v1/providers/{id}/sync", "post"),
            ("/api/v1/providers/{id}/sync/schedule", "get"), ("/api/v1/providers/{id}/sync/schedule", "put"),
            ("/api/v1/providers/{id}/sync/schedule", "delete"), ("/api/v1/providers/{id}/sync/last", "get"),
            ("/api/v1/providers/{id}/sync/runs/{runId}", "get"),
            ("/api/v1/sync", "post"), ("/api/v1/sync/runs/{runId}", "get"), ("/api/v1/import", "post"),
            ("/api/v1/updates/stream", "get"), ("/v1/models", "get"), ("/v1/models/{model}", "get"),
            ("/api/v1/providers/{id}/openai/v1/models", "get"), ("/api/v1/providers/{id}/openai/v1/models/{model}", "get"),
            ("/api/v1/openrouter/models", "get"), ("/health", "get"), ("/ready", "get"),
            ("/api/v1/models/{author}/{slug}/endpoints", "get"), ("/api/v1/models.dev/api.json", "get"),
            ("/api/v1/overview/providers", "get"),
            ("/api/v1/changes", "get"), ("/api/v1/changes/{generation}", "get"),
            ("/api/v1/cost", "post"), ("/api/v1/cost/batch", "post"),
            ("/api/v1/providers/{id}/models/{path}", "get"), ("/api/v1/compare", "get"),
            ("/api/v1/providers/{id}/restore", "post"), ("/api/v1/authors/{id}/restore", "post"),
        ];
        foreach (var (path, method) in expected)
        {
            Assert.True(paths[path]?[method] is not null, $"{method} {path} is missing from the OpenAPI document");
        }
        var filters = paths["/api/v1/models"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("min_context", filters);
        Assert.Contains("max_input_price", filters);
        string[] methods = ["get", "put", "post", "delete", "patch"];
        Assert.Equal(expected.Length, paths.Sum(p => p.Value!.AsObject().Count(o => methods.Contains(o.Key))));
    }

    [Fact]
    public async Task Health_is_live_and_ready_reports_the_generation()
    {
        Assert.Equal("live", (string?)(await _http.JsonAsync("/health"))["status"]);
        var ready = await _http.JsonAsync("/ready");
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.True((long)ready["generation"]! > 0);
    }
}
