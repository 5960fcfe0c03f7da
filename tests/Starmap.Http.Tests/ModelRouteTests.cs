namespace Starmap.Http.Tests;

/// <summary><c>GET /api/v1/models</c> and the model point read over a real socket.</summary>
public sealed class ModelRouteTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    private static IEnumerable<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!);

    private static string ModelId(JsonNode model) => (string)model["offering"]!["model_id"]!;

    [Fact]
    public async Task Filters_combine_and_every_item_satisfies_them()
    {
        var page = await _http.JsonAsync("/api/v1/models?provider=openai,anthropic&feature=tool_calls&min_context=128000&status=active&sort=input_price&limit=1000");
        var items = Items(page).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, m =>
        {
            Assert.Contains((string)m["offering"]!["provider_id"]!, new[] { "openai", "anthropic" });
            Assert.True((long)m["offering"]!["limits"]!["context_window"]! >= 128_000);
            Assert.Equal("active", (string?)m["offering"]!["lifecycle"]!["status"]);
        });
        var prices = items.Select(m => (decimal?)m["offering"]!["pricing"]?["tokens"]?["input"]).Where(p => p is not null).ToList();
        Assert.Equal(prices.Order(), prices);
    }

    [Fact]
    public async Task Repeated_parameters_and_comma_lists_mean_the_same()
    {
        var repeated = await _http.JsonAsync("/api/v1/models?provider=openai&provider=groq&limit=1000");
        var commas = await _http.JsonAsync("/api/v1/models?provider=openai,groq&limit=1000");
        Assert.Equal((int)repeated["total"]!, (int)commas["total"]!);
        Assert.True((int)commas["total"]! > 0);
    }

    [Fact]
    public async Task A_model_with_an_unknown_price_never_matches_a_maximum_price()
    {
        var all = await _http.JsonAsync($"/api/v1/models?provider=groq&limit=1000&min_generation={shared.Generation}");
        Assert.Contains(Items(all), m => ModelId(m) == HttpSilo.UnpricedId);
        var cheap = await _http.JsonAsync($"/api/v1/models?provider=groq&max_input_price=1000000&limit=1000&min_generation={shared.Generation}");
        Assert.DoesNotContain(Items(cheap), m => ModelId(m) == HttpSilo.UnpricedId);
        Assert.All(Items(cheap), m => Assert.True((decimal)m["offering"]!["pricing"]!["tokens"]!["input"]! <= 1_000_000m));
        var output = await _http.JsonAsync($"/api/v1/models?provider=groq&max_output_price=1000000&limit=1000&min_generation={shared.Generation}");
        Assert.DoesNotContain(Items(output), m => ModelId(m) == HttpSilo.UnpricedId);
    }

    [Fact]
    public async Task Feature_switches_wildcards_modalities_and_dates_filter()
    {
        var without = await _http.JsonAsync("/api/v1/models?feature_tool_calls=false&limit=1000");
        Assert.All(Items(without), m => Assert.False((bool?)m["offering"]!["features"]?["flags"]?["tool_calls"] ?? (bool)m["definition"]!["features"]!["flags"]!["tool_calls"]!));
        var wildcard = await _http.JsonAsync("/api/v1/models?id=gpt-5*&limit=1000");
        Assert.NotEmpty(Items(wildcard));
        Assert.All(Items(wildcard), m => Assert.True(ModelId(m).StartsWith("gpt-5", StringComparison.OrdinalIgnoreCase) || ((string?)m["offering"]!["definition_id"] ?? "").Contains("gpt-5")));
        var images = await _http.JsonAsync("/api/v1/models?modality_input=text,image&limit=1000");
        Assert.NotEmpty(Items(images));
        static string Key(JsonNode m) => (string?)m["offering"]!["provider_id"] + "/" + ModelId(m);
        // Totals, not page sizes: the built-in catalog holds more offerings than one page.
        static async Task<int> TotalAsync(HttpClient http, string query) => (int)(await http.JsonAsync($"/api/v1/models?{query}limit=1"))["total"]!;
        var all = await TotalAsync(_http, "");
        var textOut = await TotalAsync(_http, "modality_output=text&");
        Assert.True(textOut > 0);
        Assert.True(textOut < all, "models with unknown output modalities must not match modality_output");
        Assert.True(await TotalAsync(_http, "without_feature=tool_calls&") + await TotalAsync(_http, "feature=tool_calls&") <= all);
        // Whole lists of a few providers (each fits one page): no model is both with and without tools.
        const string Few = "provider=openai,groq,anthropic&";
        var noTools = Items(await _http.JsonAsync($"/api/v1/models?{Few}without_feature=tool_calls&limit=1000")).Select(Key).ToList();
        var withTools = Items(await _http.JsonAsync($"/api/v1/models?{Few}feature=tool_calls&limit=1000")).Select(Key).ToList();
        Assert.NotEmpty(withTools);
        Assert.NotEmpty(noTools);
        Assert.Empty(noTools.Intersect(withTools));
        var named = await _http.JsonAsync("/api/v1/models?name_contains=llama&limit=1000");
        Assert.All(Items(named), m => Assert.Contains("llama", (string?)m["offering"]!["name"] ?? (string?)m["definition"]?["name"] ?? ModelId(m), StringComparison.OrdinalIgnoreCase));
        var dated = await _http.JsonAsync("/api/v1/models?released_after=2024-01-01&released_before=2030-12-31&open_weights=true&sort=release_date&order=desc&limit=1000");
        // The definition's open_weights when it states one, else the offering's own.
        Assert.All(Items(dated), m => Assert.True((bool?)m["definition"]?["metadata"]?["open_weights"] ?? (bool)m["offering"]!["metadata"]!["open_weights"]!));
    }

    [Fact]
    public async Task Pages_carry_generation_total_offset_and_limit()
    {
        var first = await _http.JsonAsync("/api/v1/models?limit=5&offset=0");
        var second = await _http.JsonAsync("/api/v1/models?limit=5&offset=5");
        Assert.True((long)first["generation"]! >= 1);
        Assert.Equal(5, (int)first["limit"]!);
        Assert.Equal(5, (int)second["offset"]!);
        Assert.True((int)first["total"]! > 10);
        Assert.Equal((int)first["total"]!, (int)second["total"]!);
        Assert.Equal(5, Items(first).Count());
        Assert.Empty(Items(first).Select(ModelId).Intersect(Items(second).Select(ModelId)));
    }

    [Theory]
    [InlineData("min_context=abc", "min_context")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("max_input_price=-1", "max_input_price")]
    [InlineData("max_output_price=cheap", "max_output_price")]
    [InlineData("min_context=10&max_context=5", "min_context")]
    [InlineData("sort=popularity", "sort")]
    [InlineData("order=sideways", "order")]
    [InlineData("status=alive", "status")]
    [InlineData("modality_input=smell", "modality_input")]
    [InlineData("feature=teleport", "feature")]
    [InlineData("feature_teleport=true", "feature_teleport")]
    [InlineData("feature_tool_calls=maybe", "feature_tool_calls")]
    [InlineData("open_weights=yes", "open_weights")]
    [InlineData("released_after=yesterday", "released_after")]
    [InlineData("released_after=2025-06-01&released_before=2025-01-01", "released_after")]
    [InlineData("provider=Not_An_Id", "provider")]
    [InlineData("author=Bad!", "author")]
    [InlineData("id=", "id")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var answer = await _http.JsonAsync("/api/v1/models?" + query, HttpStatusCode.BadRequest);
        Responses.Error(answer, "invalid_parameter", parameter);
    }

    [Fact]
    public async Task An_unknown_parameter_is_a_400_naming_it()
    {
        var answer = await _http.JsonAsync("/api/v1/models?min_contex=5", HttpStatusCode.BadRequest);
        Responses.Error(answer, "unknown_parameter", "min_contex");
        Responses.Error(await _http.JsonAsync("/api/v1/providers?x=1", HttpStatusCode.BadRequest), "unknown_parameter", "x");
    }

    [Fact]
    public async Task A_malformed_id_names_the_route_value_and_a_generation_from_the_future_is_a_409()
    {
        Responses.Error(await _http.JsonAsync("/api/v1/providers/Not_An_Id", HttpStatusCode.BadRequest), "invalid_parameter", "id");
        Responses.Error(await _http.JsonAsync("/api/v1/models?min_generation=999999999", HttpStatusCode.Conflict), "conflict");
        Responses.Error(await _http.JsonAsync("/api/v1/providers?min_generation=-1", HttpStatusCode.BadRequest), "invalid_parameter", "min_generation");
    }

    [Fact]
    public async Task Model_ids_with_slashes_and_at_signs_are_served_by_id()
    {
        var slashed = await _http.JsonAsync("/api/v1/models?id=*/*&provider=groq&limit=1000");
        Assert.NotEmpty(Items(slashed));
        foreach (var path in new[] { "acme/custom-model@v1", "acme%2Fcustom-model%40v1", "acme/custom-model%40v1" })
        {
            var model = await _http.JsonAsync($"/api/v1/models/groq/{path}?min_generation={shared.Generation}");
            Assert.Equal(HttpSilo.SlashAtId, ModelId(model));
        }
        var seeded = Items(slashed).Select(ModelId).First(id => id != HttpSilo.SlashAtId && id != HttpSilo.UnpricedId);
        Assert.Equal(seeded, ModelId(await _http.JsonAsync($"/api/v1/models/groq/{seeded}")));
    }

    [Theory]
    [InlineData("/api/v1/models/groq/no-such/model@v9")]
    [InlineData("/api/v1/models/no-such-provider/gpt-4o")]
    [InlineData("/api/v1/providers/no-such-provider")]
    [InlineData("/api/v1/providers/no-such-provider/models")]
    [InlineData("/api/v1/authors/no-such-author")]
    [InlineData("/api/v1/authors/no-such-author/models")]
    [InlineData("/api/v1/providers/no-such-provider/sync/last")]
    [InlineData("/api/v1/no-such-route")]
    public async Task Unknown_ids_and_routes_are_404_in_the_error_shape(string url)
    {
        Responses.Error(await _http.JsonAsync(url, HttpStatusCode.NotFound), "not_found");
    }

    [Fact]
    public async Task Catalog_reads_carry_the_generation_as_etag_and_answer_304_when_it_matches()
    {
        foreach (var url in new[] { "/api/v1/models?provider=openai", "/api/v1/providers", "/api/v1/authors", "/api/v1/endpoints", "/v1/models", "/api/v1/openrouter/models", "/api/v1/models/groq/" + HttpSilo.SlashAtId })
        {
            using var first = await _http.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.Matches("^\"[0-9]+\"$", etag.Tag);

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await _http.SendAsync(again, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
            using var changed = await _http.SendAsync(stale, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
    }
}
