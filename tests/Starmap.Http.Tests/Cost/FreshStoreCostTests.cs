using Starmap.Client;
using static Starmap.Http.Tests.Cost.CostCalls;

namespace Starmap.Http.Tests.Cost;

/// <summary>
/// A silo on a copy of the seeded store that nothing writes to: its change log is empty, as on a first start
/// before any sync or edit, and the catalog's past is not known.
/// </summary>
public sealed class FreshStoreSilo() : OwnSeededSilo("http-fresh-cost");

/// <summary>
/// A cost with no time is a cost now, and now is the catalog as it stands, whether or not the change log has
/// anything in it yet (a fresh install once answered every such call 410: "the change log is empty").
/// </summary>
public sealed class FreshStoreCostTests(FreshStoreSilo fresh) : IClassFixture<FreshStoreSilo>
{
    // The README's worked example: 250,000 input tokens, 50,000 of them cache reads, cross the 200,000 tier.
    private const string Usage = "{\"input_tokens\":250000,\"cache_read_tokens\":50000,\"output_tokens\":10000}";
    private const string Row = $"{{\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-6\",\"usage\":{Usage}}}";

    [Fact]
    public async Task A_cost_without_a_time_prices_the_catalog_now_on_a_store_whose_change_log_is_empty()
    {
        using var http = fresh.Client();
        var generation = (long)(await http.JsonAsync("/api/v1/providers"))["generation"]!;

        var body = await CostAsync(http, Row);

        Assert.Equal(1.455m, (decimal)body["total"]!);
        Assert.Equal("long-context", (string?)body["tier"]);
        Assert.Equal(generation, (long)body["generation"]!);
    }

    [Fact]
    public async Task Every_row_of_a_batch_without_a_time_is_priced_on_a_store_whose_change_log_is_empty()
    {
        using var http = fresh.Client();
        var other = "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"usage\":{\"input_tokens\":600,\"output_tokens\":200}}";

        var (status, text, body) = await PostAsync(http, "/api/v1/cost/batch", $"{{\"items\":[{Row},{other}]}}");

        Assert.True(status == HttpStatusCode.OK, text);
        var items = body["items"]!.AsArray();
        Assert.All(items, i => Assert.True(i!["error"] is null, i.ToJsonString()));
        Assert.Equal([1.455m, 0.00021m], items.Select(i => (decimal)i!["cost"]!["total"]!));
    }

    [Fact]
    public async Task The_client_api_prices_a_call_now_on_a_store_whose_change_log_is_empty()
    {
        await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { fresh.Silo.Gateway } }, TestContext.Current.CancellationToken);

        var cost = await connection.Catalog.Prices.CalculateAsync("anthropic", "claude-sonnet-4-6",
            new CallUsage { InputTokens = 250_000, CacheReadTokens = 50_000, OutputTokens = 10_000 });

        Assert.Equal(1.455m, cost.Total);
    }

    [Fact]
    public async Task A_time_in_the_past_is_still_refused_on_that_store_naming_the_empty_change_log()
    {
        using var http = fresh.Client();
        var at = "\"at\":\"2026-01-01T00:00:00Z\"";

        var (status, text, body) = await PostAsync(http, "/api/v1/cost", Row.Insert(Row.Length - 1, "," + at));

        Assert.True(status == HttpStatusCode.Gone, text);
        Assert.Contains("the change log is empty", (string)Responses.Error(body, "out_of_retention")["message"]!, StringComparison.Ordinal);
    }
}
