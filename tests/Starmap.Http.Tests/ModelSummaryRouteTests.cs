namespace Starmap.Http.Tests;

/// <summary><c>GET /api/v1/models?fields=summary</c>: only what a table shows, for the web catalog's first page.</summary>
public sealed class ModelSummaryRouteTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    [Fact]
    public async Task A_summary_page_holds_the_same_rows_with_only_the_table_fields_and_is_a_fraction_of_the_full_answer()
    {
        const string query = "provider=openai,anthropic&sort=input_price&limit=50";
        var fullText = await _http.GetStringAsync($"/api/v1/models?{query}", TestContext.Current.CancellationToken);
        var summaryText = await _http.GetStringAsync($"/api/v1/models?{query}&fields=summary", TestContext.Current.CancellationToken);
        var full = JsonNode.Parse(fullText)!;
        var summary = JsonNode.Parse(summaryText)!;

        foreach (var key in new[] { "generation", "total", "offset", "limit" })
        {
            Assert.Equal((long)full[key]!, (long)summary[key]!);
        }
        var rows = full["items"]!.AsArray().Zip(summary["items"]!.AsArray()).ToList();
        Assert.Equal(50, rows.Count);
        foreach (var (model, row) in rows)
        {
            var offering = model!["offering"]!;
            Assert.Equal((string?)offering["provider_id"], (string?)row!["provider_id"]);
            Assert.Equal((string?)offering["model_id"], (string?)row["model_id"]);
            Assert.Equal((string?)model["definition"]?["name"] ?? (string?)offering["name"] ?? (string?)offering["model_id"], (string?)row["name"]);
            Assert.Equal((decimal?)offering["pricing"]?["tokens"]?["input"], (decimal?)row["input_price"]);
            Assert.Equal((decimal?)offering["pricing"]?["tokens"]?["output"], (decimal?)row["output_price"]);
            Assert.Equal((long?)offering["limits"]?["context_window"], (long?)row["context_window"]);
            Assert.Equal((string?)offering["lifecycle"]?["status"], (string?)row["status"]);
            // Only the table's fields; an unknown one is absent, never 0.
            Assert.Subset(new HashSet<string> { "provider_id", "model_id", "name", "status", "context_window", "input_price", "output_price", "release_date", "knowledge_cutoff", "author_ids" },
                row.AsObject().Select(p => p.Key).ToHashSet());
        }
        // The default answer is unchanged: full models with their provenance.
        Assert.NotNull(full["items"]![0]!["offering"]!["provenance"]);
        Assert.True(summaryText.Length * 4 < fullText.Length, $"the summary is {summaryText.Length} bytes against {fullText.Length} in full");
    }

    [Fact]
    public async Task Fields_takes_only_summary_on_the_model_lists_and_names_itself_when_wrong()
    {
        var wrong = await _http.JsonAsync("/api/v1/models?fields=offering", HttpStatusCode.BadRequest);
        Assert.Contains("summary", (string)Responses.Error(wrong, "invalid_parameter", "fields")["message"]!, StringComparison.Ordinal);
        await _http.JsonAsync("/api/v1/models?fields=summary&fields=summary", HttpStatusCode.BadRequest);
        // Only the model lists take it (/models and a provider's or author's models).
        await _http.JsonAsync("/api/v1/providers/openai/models?fields=summary");
        await _http.JsonAsync("/api/v1/providers?fields=summary", HttpStatusCode.BadRequest);
        await _http.JsonAsync("/api/v1/models/openai/gpt-4o?fields=summary", HttpStatusCode.BadRequest);
    }
}
