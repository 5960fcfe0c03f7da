namespace Starmap.Http.Tests;

/// <summary><c>GET /api/v1/models?q=</c>: free-text search over a real socket, ranked unless a sort is given.</summary>
public sealed class ModelSearchRouteTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    private static List<JsonNode> Items(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!)];

    private static string ModelId(JsonNode model) => (string)model["offering"]!["model_id"]!;

    private static string ProviderId(JsonNode model) => (string)model["offering"]!["provider_id"]!;

    [Fact]
    public async Task Q_finds_a_model_by_the_words_of_its_name_in_any_case()
    {
        var page = await _http.JsonAsync($"/api/v1/models?q=SLASH%20custom&min_generation={shared.Generation}");
        var found = Assert.Single(Items(page));
        Assert.Equal(HttpSilo.SlashAtId, ModelId(found));
        Assert.Equal(0, (int)(await _http.JsonAsync($"/api/v1/models?q=custom%20nosuchword&min_generation={shared.Generation}"))["total"]!);
    }

    [Fact]
    public async Task Q_ranks_an_exact_id_first_and_every_match_holds_every_word()
    {
        var ranked = Items(await _http.JsonAsync("/api/v1/models?q=gpt-4o&limit=1000"));
        Assert.NotEmpty(ranked);
        var first = ModelId(ranked[0]);
        Assert.True(first.Equals("gpt-4o", StringComparison.OrdinalIgnoreCase) || first.EndsWith("/gpt-4o", StringComparison.OrdinalIgnoreCase), first);
        Assert.All(ranked, m => Assert.Contains("gpt-4o", m.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        // An ID that merely starts with the text never ranks above one that is the text.
        var lastExact = ranked.FindLastIndex(m => ModelId(m).Equals("gpt-4o", StringComparison.OrdinalIgnoreCase));
        var firstPrefix = ranked.FindIndex(m => ModelId(m).StartsWith("gpt-4o-", StringComparison.OrdinalIgnoreCase));
        Assert.True(firstPrefix < 0 || lastExact < firstPrefix, $"exact at {lastExact}, prefix at {firstPrefix}");

        // With a sort, the same matches come in that order instead.
        var sorted = Items(await _http.JsonAsync("/api/v1/models?q=gpt-4o&sort=id&limit=1000"));
        Assert.Equal(ranked.Select(ModelId).Order(), sorted.Select(ModelId).Order());
        var keys = sorted.Select(m => (ProviderId(m), ModelId(m))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task A_q_with_a_control_character_is_a_400_naming_q()
    {
        var answer = await _http.JsonAsync("/api/v1/models?q=gpt%01", HttpStatusCode.BadRequest);
        Responses.Error(answer, "invalid_parameter", "q");
    }
}
