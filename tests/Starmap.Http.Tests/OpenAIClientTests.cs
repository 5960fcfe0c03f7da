using System.Globalization;

namespace Starmap.Http.Tests;

/// <summary>
/// The official <c>openai</c> npm client (pinned in tests/openapi-lint) reads the OpenAI-compatible
/// bases of a real silo: <c>models.list()</c> and <c>models.retrieve()</c> on the merged <c>/v1</c> and on
/// a provider's own base, including a model ID that holds '/' and '@'.
/// </summary>
public sealed class OpenAIClientTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    [Fact]
    public async Task The_openai_client_lists_every_offering_once_as_provider_slash_model_and_retrieves_one()
    {
        var merged = "groq/" + HttpSilo.SlashAtId;
        var seen = await RunClientAsync(new Uri(shared.Silo.Http, "v1").ToString(), merged, "groq/no-such-model", "no-slash");

        var ids = seen.Listed.Select(m => (string)m["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var catalog = await CatalogModelsAsync();
        Assert.Equal(catalog.Count, ids.Count);
        foreach (var model in seen.Listed)
        {
            var expected = catalog[(string)model["id"]!];
            Assert.Equal(Expected(expected), ((string)model["owned_by"]!, (long)model["created"]!));
        }
        Assert.Contains($"groq/{HttpSilo.SlashAtId}", ids);

        var retrieved = seen.Retrieved[merged]!["model"]!;
        Assert.Equal(merged, (string?)retrieved["id"]);
        Assert.Equal(Expected(catalog[merged]), ((string)retrieved["owned_by"]!, (long)retrieved["created"]!));
        Assert.Equal(404, (int)seen.Retrieved["groq/no-such-model"]!["status"]!);
        Assert.Equal(404, (int)seen.Retrieved["no-slash"]!["status"]!);
    }

    [Fact]
    public async Task The_openai_client_lists_and_retrieves_one_providers_models_by_its_own_ids()
    {
        var seen = await RunClientAsync(new Uri(shared.Silo.Http, "api/v1/providers/groq/openai/v1").ToString(), HttpSilo.SlashAtId, "no-such-model");

        var catalog = (await CatalogModelsAsync()).Where(m => m.Key.StartsWith("groq/", StringComparison.Ordinal)).ToDictionary(m => m.Key["groq/".Length..], m => m.Value);
        var ids = seen.Listed.Select(m => (string)m["id"]!).ToList();
        Assert.Equal(catalog.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(seen.Listed, m => Assert.Equal(Expected(catalog[(string)m["id"]!]), ((string)m["owned_by"]!, (long)m["created"]!)));

        var retrieved = seen.Retrieved[HttpSilo.SlashAtId]!["model"]!;
        Assert.Equal(HttpSilo.SlashAtId, (string?)retrieved["id"]);
        Assert.Equal("model", (string?)retrieved["object"]);
        Assert.Equal(404, (int)seen.Retrieved["no-such-model"]!["status"]!);
    }

    private static async Task<(List<JsonNode> Listed, JsonNode Retrieved)> RunClientAsync(string baseUrl, params string[] retrieve)
    {
        var (exitCode, output) = await NodeTools.RunAsync("node", ["openai-client.mjs", baseUrl, HttpSilo.ApiKey, .. retrieve], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"the openai client failed (exit code {exitCode}):\n{output}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        return (result["listed"]!.AsArray().Select(m => m!).ToList(), result["retrieved"]!);
    }

    /// <summary>Every offering by <c>provider/model</c>, from the catalog's own model list.</summary>
    private async Task<Dictionary<string, JsonNode>> CatalogModelsAsync()
    {
        // Paged: the built-in catalog holds thousands of offerings. The shared silo takes no writes meanwhile.
        var models = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        long? generation = null;
        for (var offset = 0; ; offset += 1000)
        {
            var page = await _http.JsonAsync($"/api/v1/models?limit=1000&offset={offset}&min_generation={shared.Generation}");
            generation ??= (long)page["generation"]!;
            Assert.Equal(generation, (long)page["generation"]!);
            foreach (var m in page["items"]!.AsArray())
            {
                models.Add((string)m!["offering"]!["provider_id"]! + "/" + (string)m["offering"]!["model_id"]!, m);
            }
            if (offset + 1000 >= (int)page["total"]!)
            {
                Assert.Equal((int)page["total"]!, models.Count);
                return models;
            }
        }
    }

    /// <summary>owned_by is the credited authors ("system" when none); created is the release date at 00:00 UTC (definition first, then offering), else 0.</summary>
    private static (string Owner, long Created) Expected(JsonNode model)
    {
        var authors = model["author_ids"]?.AsArray().Select(a => (string)a!).ToList() ?? [];
        // The definition's release date, else the one the offering's source states.
        var release = (string?)model["definition"]?["metadata"]?["release_date"] ?? (string?)model["offering"]?["metadata"]?["release_date"];
        var created = release is null ? 0 : new DateTimeOffset(DateOnly.ParseExact(release, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return (authors.Count == 0 ? "system" : string.Join(",", authors), created);
    }
}
