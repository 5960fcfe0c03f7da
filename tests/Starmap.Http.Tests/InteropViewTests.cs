using System.Net.Http.Headers;

namespace Starmap.Http.Tests;

/// <summary>
/// The views consumers already read: OpenRouter's per-model endpoints ("who serves this model, at what
/// price") and the models.dev api.json.
/// </summary>
public sealed class InteropViewTests(HttpSilo shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly HttpClient _http = shared.Client();

    [Fact]
    public async Task The_endpoints_of_a_definition_list_every_provider_offering_with_price_limits_and_status()
    {
        var data = (await _http.JsonAsync($"/api/v1/models/{HttpSilo.ServedTwice}/endpoints"))["data"]!;
        Assert.Equal(HttpSilo.ServedTwice, (string?)data["id"]);
        Assert.Equal("Served Twice", (string?)data["name"]);
        Assert.Equal("A model two providers serve", (string?)data["description"]);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)data["created"]!);
        Assert.NotNull(data["architecture"]!["input_modalities"]);

        var endpoints = data["endpoints"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(["groq", "openai"], endpoints.Select(e => (string)e["tag"]!));

        var groq = endpoints[0];
        var groqName = (string)(await _http.JsonAsync("/api/v1/providers/groq"))["provider"]!["name"]!;
        Assert.Equal("served-twice", (string?)groq["model_id"]);
        Assert.Equal("Served Twice (Groq)", (string?)groq["model_name"]);
        Assert.Equal(groqName + " | served-twice", (string?)groq["name"]);
        Assert.Equal(groqName, (string?)groq["provider_name"]);
        Assert.Equal("0.0000005", (string?)groq["pricing"]!["prompt"]);
        Assert.Equal("0.0000015", (string?)groq["pricing"]!["completion"]);
        Assert.Equal(131_072, (long)groq["context_length"]!);
        Assert.Equal(8_192, (long)groq["max_completion_tokens"]!);
        Assert.Equal(0, (int)groq["status"]!);
        Assert.Equal("active", (string?)groq["lifecycle"]);
        Assert.Equal("available", (string?)groq["availability"]);

        // Unknown stays unknown: no output price (not "0"), null limits, no availability.
        var openai = endpoints[1].AsObject();
        Assert.Equal("served-twice-v1", (string?)openai["model_id"]);
        Assert.Equal("0.0000004", (string?)openai["pricing"]!["prompt"]);
        Assert.False(openai["pricing"]!.AsObject().ContainsKey("completion"));
        Assert.Null(openai["context_length"]);
        Assert.Null(openai["max_completion_tokens"]);
        Assert.False(openai.ContainsKey("availability"));
        Assert.Equal(-1, (int)openai["status"]!);
        Assert.Equal("deprecated", (string?)openai["lifecycle"]);
    }

    [Fact]
    public async Task A_model_without_a_definition_is_found_by_its_model_id_and_by_its_list_slug()
    {
        var byId = (await _http.JsonAsync($"/api/v1/models/{HttpSilo.UnlinkedId}/endpoints"))["data"]!;
        Assert.Equal(["groq", "openai"], byId["endpoints"]!.AsArray().Select(e => (string)e!["tag"]!));
        Assert.All(byId["endpoints"]!.AsArray(), e => Assert.Equal(HttpSilo.UnlinkedId, (string?)e!["model_id"]));

        // The OpenRouter list names it author-or-provider/model-id; that slug (with '/' in it) answers too.
        var list = (await _http.JsonAsync("/api/v1/openrouter/models"))["data"]!.AsArray();
        var slugs = list.Select(e => (string)e!["id"]!).Where(id => id.EndsWith("/" + HttpSilo.UnlinkedId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(slugs);
        foreach (var slug in slugs)
        {
            var bySlug = (await _http.JsonAsync($"/api/v1/models/{slug}/endpoints"))["data"]!;
            Assert.Equal(slug, (string?)bySlug["id"]);
            Assert.Equal(["groq", "openai"], bySlug["endpoints"]!.AsArray().Select(e => (string)e!["tag"]!));
        }
        // Every entry of the OpenRouter list has an endpoints view that holds the offering the list shows.
        var served = list.First(e => (string?)e!["id"] == HttpSilo.ServedTwice)!;
        Assert.Equal("0.0000004", (string?)served["pricing"]!["prompt"]);
    }

    [Fact]
    public async Task A_missing_model_is_a_404_that_names_it()
    {
        var error = Responses.Error(await _http.JsonAsync("/api/v1/models/nobody/nothing/endpoints", HttpStatusCode.NotFound), "not_found");
        Assert.Contains("'nobody/nothing'", (string?)error["message"], StringComparison.Ordinal);
        var deep = Responses.Error(await _http.JsonAsync("/api/v1/models/nobody/a/b/endpoints", HttpStatusCode.NotFound), "not_found");
        Assert.Contains("'nobody/a/b'", (string?)deep["message"], StringComparison.Ordinal);
        Responses.Error(await _http.JsonAsync($"/api/v1/models/{HttpSilo.ServedTwice}/endpoints?x=1", HttpStatusCode.BadRequest), "unknown_parameter", "x");
        // The model route itself still answers for a model ID with '/' in it.
        Assert.Equal(HttpSilo.UnlinkedId, (string?)(await _http.JsonAsync($"/api/v1/models/groq/{HttpSilo.UnlinkedId}"))["offering"]!["model_id"]);
    }

    [Fact]
    public async Task The_interop_views_answer_with_the_catalog_etag_and_304_while_current()
    {
        foreach (var url in new[] { $"/api/v1/models/{HttpSilo.ServedTwice}/endpoints", $"/api/v1/models/openai/{HttpSilo.UnlinkedId}/endpoints", "/api/v1/models.dev/api.json" })
        {
            using var first = await _http.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
            var tag = first.Headers.ETag;
            Assert.NotNull(tag);
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag.Tag));
            using var second = await _http.SendAsync(again, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        }
    }

    [Fact]
    public async Task The_models_dev_export_has_the_models_dev_shape_with_exact_prices_and_unknowns_left_out()
    {
        using var response = await _http.GetAsync("/api/v1/models.dev/api.json", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var json = JsonNode.Parse(body)!.AsObject();

        var providers = (await _http.JsonAsync("/api/v1/providers"))["items"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.Equal(providers.Order(StringComparer.Ordinal), json.Select(p => p.Key));
        Assert.All(json, p => Assert.Equal(p.Key, (string?)p.Value!["id"]));

        var groq = json["groq"]!["models"]!["served-twice"]!.AsObject();
        Assert.Equal("served-twice", (string?)groq["id"]);
        Assert.Equal("Served Twice (Groq)", (string?)groq["name"]);
        Assert.Equal("0.5", groq["cost"]!["input"]!.ToJsonString());
        Assert.Equal("1.5", groq["cost"]!["output"]!.ToJsonString());
        Assert.Equal(131_072, (long)groq["limit"]!["context"]!);
        Assert.False(groq.ContainsKey("status")); // active: models.dev writes no status
        // Facts the offering does not state come from its definition.
        Assert.Equal("2025-05-01", (string?)groq["release_date"]);
        Assert.True((bool)groq["open_weights"]!);
        Assert.Equal("A model two providers serve", (string?)groq["description"]);

        var openai = json["openai"]!["models"]!["served-twice-v1"]!.AsObject();
        Assert.Equal("deprecated", (string?)openai["status"]);
        Assert.False(openai.ContainsKey("limit"));
        Assert.False(openai["cost"]!.AsObject().ContainsKey("output"));
        Assert.False(json["groq"]!["models"]![HttpSilo.UnpricedId]!.AsObject().ContainsKey("cost"));

        // One model per offering, each under its own ID.
        var offerings = (int)(await _http.JsonAsync($"/api/v1/models?limit=1&min_generation={shared.Generation}"))["total"]!;
        Assert.Equal(offerings, json.Sum(p => p.Value!["models"]!.AsObject().Count));
        Assert.All(json, p => Assert.All(p.Value!["models"]!.AsObject(), m => Assert.Equal(m.Key, (string?)m.Value!["id"])));
    }
}
