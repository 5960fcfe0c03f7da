using static Starmap.Http.Tests.Cost.CostCalls;

namespace Starmap.Http.Tests.Cost;

/// <summary><c>POST /api/v1/cost</c> and <c>/cost/batch</c> on a real silo, over loopback HTTP.</summary>
[Collection(CostCollection.Name)]
public sealed class CostRouteTests(CostSilo silo) : IDisposable
{
    private readonly HttpClient _http = silo.Client();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("{\"input_tokens\":200000}", "0.6")]
    [InlineData("{\"input_tokens\":200001}", "1.200006")]
    [InlineData("{\"input_tokens\":300000,\"output_tokens\":100000}", "4.05")]
    public async Task The_issues_worked_examples_come_back_as_exact_json_numbers(string usage, string total)
    {
        var (status, text, body) = await PostAsync(_http, "/api/v1/cost", Row(CostSilo.LongContext, usage));

        Assert.Equal(HttpStatusCode.OK, status);
        // The number as written, not as a float parsed it: no 1.2000059999999999 and no trailing zeros.
        Assert.Contains($"\"total\":{total},", text, StringComparison.Ordinal);
        Assert.Equal((CostSilo.Provider, CostSilo.LongContext, "USD"), ((string?)body["provider"], (string?)body["model"], (string?)body["currency"]));
        Assert.Empty(body["unpriced"]!.AsArray());
    }

    [Fact]
    public async Task A_call_across_the_context_tier_charges_every_token_at_the_tier_and_says_which()
    {
        var body = await CostAsync(_http, Row(CostSilo.LongContext, "{\"input_tokens\":250000,\"cache_read_tokens\":50000,\"output_tokens\":10000,\"requests\":1}"));

        Assert.Equal("long-context", (string?)body["tier"]);
        Assert.Equal(
            ["input_tokens 200000 6 1m_tokens 1.2 long-context", "cache_read_tokens 50000 0.6 1m_tokens 0.03 long-context",
             "output_tokens 10000 22.5 1m_tokens 0.225 long-context", "requests 1 0.002 unit 0.002 -"],
            Lines(body));
        Assert.Equal(1.457m, (decimal)body["total"]!);
        // The tier names no request price: the base one applied, and the answer says so.
        Assert.Contains(body["notes"]!.AsArray(), n => ((string?)n)!.StartsWith("requests: the tier 'long-context' names no price", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_the_tier_cache_reads_and_writes_are_taken_out_of_the_input_and_charged_at_cache_prices()
    {
        var body = await CostAsync(_http, Row(CostSilo.LongContext, "{\"input_tokens\":10000,\"cache_read_tokens\":6000,\"cache_write_tokens\":1000,\"output_tokens\":500,\"requests\":2}"));

        Assert.Null((string?)body["tier"]);
        Assert.Equal(
            ["input_tokens 3000 3 1m_tokens 0.009 -", "cache_read_tokens 6000 0.3 1m_tokens 0.0018 -", "cache_write_tokens 1000 3.75 1m_tokens 0.00375 -",
             "output_tokens 500 15 1m_tokens 0.0075 -", "requests 2 0.002 unit 0.004 -"],
            Lines(body));
        Assert.Equal(0.02605m, (decimal)body["total"]!);
    }

    [Fact]
    public async Task A_price_the_usage_needs_but_nobody_knows_makes_the_total_null_and_is_named()
    {
        var (status, text, body) = await PostAsync(_http, "/api/v1/cost", Row(CostSilo.NoCachePrice, "{\"input_tokens\":1000,\"cache_read_tokens\":400,\"output_tokens\":10}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"total\":null", text, StringComparison.Ordinal);
        Assert.Equal(["cache_read_tokens"], body["unpriced"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["input_tokens", "output_tokens"], body["lines"]!.AsArray().Select(l => (string?)l!["component"]));

        var none = await CostAsync(_http, Row(CostSilo.Unpriced, "{\"input_tokens\":5,\"requests\":1}"));
        Assert.Null((decimal?)none["total"]);
        Assert.Equal(["input_tokens", "requests"], none["unpriced"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task At_prices_with_the_sheet_in_force_then_and_before_its_effective_date_the_price_is_unknown()
    {
        const string usage = "{\"input_tokens\":1000000,\"output_tokens\":500000}";

        var before = await CostAsync(_http, Row(CostSilo.Dated, usage, "2025-05-31T23:59:59Z"));
        var from = await CostAsync(_http, Row(CostSilo.Dated, usage, "2025-06-01"));
        var later = await CostAsync(_http, Row(CostSilo.Dated, usage, "2026-01-15T10:00:00+02:00"));
        var now = await CostAsync(_http, Row(CostSilo.Dated, usage));

        Assert.Null((decimal?)before["total"]);
        Assert.Equal(["input_tokens", "output_tokens"], before["unpriced"]!.AsArray().Select(n => (string?)n));
        Assert.Contains(before["notes"]!.AsArray(), n => ((string?)n)!.Contains("2025-06-01", StringComparison.Ordinal));
        Assert.Equal(6m, (decimal)from["total"]!);
        Assert.Equal(CostSilo.DatedFrom, (DateTimeOffset)from["at"]!);
        Assert.Equal(6m, (decimal)later["total"]!);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), (DateTimeOffset)later["at"]!);
        // Without 'at' the prices are those in force at the time of the request, which it names.
        Assert.Equal(6m, (decimal)now["total"]!);
        Assert.True((DateTimeOffset)now["at"]! > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task An_unknown_provider_or_model_is_a_404_naming_it()
    {
        var (providerStatus, _, provider) = await PostAsync(_http, "/api/v1/cost", "{\"provider\":\"no-such-lab\",\"model\":\"m\",\"usage\":{\"input_tokens\":1}}");
        var (modelStatus, _, model) = await PostAsync(_http, "/api/v1/cost", Row("no-such-model", "{\"input_tokens\":1}"));

        Assert.Equal(HttpStatusCode.NotFound, providerStatus);
        Assert.Equal("provider 'no-such-lab' was not found", (string?)Responses.Error(provider, "not_found")["message"]);
        Assert.Equal(HttpStatusCode.NotFound, modelStatus);
        Assert.Equal("model 'cost-lab/no-such-model' was not found", (string?)Responses.Error(model, "not_found")["message"]);
    }

    [Theory]
    [InlineData("{\"input_tokens\":-1}", "usage.input_tokens", "invalid_parameter", "must not be negative")]
    [InlineData("{\"input_tokens\":1.5}", "usage.input_tokens", "invalid_parameter", "got 1.5")]
    [InlineData("{\"input_tokens\":1e3}", "usage.input_tokens", "invalid_parameter", "got 1e3")]
    [InlineData("{\"output_tokens\":1000000000000001}", "usage.output_tokens", "invalid_parameter", "from 0 to 1000000000000000")]
    [InlineData("{\"output_tokens\":99999999999999999999999}", "usage.output_tokens", "invalid_parameter", "whole number")]
    [InlineData("{\"input_tokens\":\"100\"}", "usage.input_tokens", "invalid_parameter", "not a string")]
    [InlineData("{\"input_tokens\":null}", "usage.input_tokens", "invalid_parameter", "not null")]
    [InlineData("{\"input_tokns\":100}", "usage.input_tokns", "unknown_parameter", "unknown field")]
    [InlineData("{\"input_tokens\":1,\"input_tokens\":2}", "usage.input_tokens", "invalid_parameter", "given twice")]
    [InlineData("{\"input_tokens\":10,\"cache_read_tokens\":11}", "usage.input_tokens", "invalid_parameter", "must include the cache read and cache write tokens")]
    [InlineData("{\"output_tokens\":10,\"reasoning_tokens\":11}", "usage.output_tokens", "invalid_parameter", "must include the reasoning tokens")]
    [InlineData("[1]", "usage", "invalid_parameter", "must be a JSON object, not an array")]
    public async Task Usage_that_cannot_be_is_a_400_naming_the_field(string usage, string field, string code, string reason)
    {
        var (status, text, body) = await PostAsync(_http, "/api/v1/cost", Row(CostSilo.LongContext, usage));

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(reason, (string?)Responses.Error(body, code, field)["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"provider\":\"cost-lab\",\"usage\":{}}", "model", "is required")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":7,\"usage\":{}}", "model", "must be a string, not a number")]
    [InlineData("{\"provider\":\"\",\"model\":\"m\",\"usage\":{}}", "provider", "must not be empty")]
    [InlineData("{\"provider\":\"OpenAI\",\"model\":\"m\",\"usage\":{}}", "provider", "must be lower-case kebab-case")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":\"m\"}", "usage", "is required")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":\"m\",\"usage\":{},\"currency\":\"EUR\"}", "currency", "unknown field")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":\"m\",\"usage\":{},\"at\":\"yesterday\"}", "at", "ISO 8601")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":\"m\",\"usage\":{},\"at\":\"06/01/2025\"}", "at", "ISO 8601")]
    [InlineData("{\"provider\":\"cost-lab\",\"model\":\"m\",\"usage\":{},\"at\":20250601}", "at", "not a number")]
    [InlineData("[]", "body", "must be a JSON object")]
    [InlineData("{\"provider\":", "body", "is not JSON")]
    public async Task A_body_that_is_not_a_cost_request_is_a_400_naming_the_field(string json, string field, string reason)
    {
        var (status, text, body) = await PostAsync(_http, "/api/v1/cost", json);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(reason, (string?)Responses.Error(body, (string)body["error"]!["code"]!, field)["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_a_415_and_unknown_query_parameters_a_400()
    {
        var (status, _, body) = await PostAsync(_http, "/api/v1/cost", Row(CostSilo.LongContext, "{}"), "text/plain");
        var (query, _, unknown) = await PostAsync(_http, "/api/v1/cost?dry_run=true", Row(CostSilo.LongContext, "{}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Responses.Error(body, "unsupported_media_type");
        Assert.Equal(HttpStatusCode.BadRequest, query);
        Responses.Error(unknown, "unknown_parameter", "dry_run");
    }

    [Fact]
    public async Task A_batch_answers_every_row_in_order_and_one_bad_row_never_sinks_the_others()
    {
        var json = "{\"items\":[" + string.Join(",",
            Row(CostSilo.LongContext, "{\"input_tokens\":200001}"),
            Row(CostSilo.LongContext, "{\"input_tokens\":-5}"),
            Row("no-such-model", "{\"input_tokens\":1}"),
            "\"not a row\"",
            Row(CostSilo.LongContext, "{\"input_tokens\":10,\"cache_write_tokens\":20}"),
            Row(CostSilo.NoCachePrice, "{\"input_tokens\":1000,\"cache_read_tokens\":400}"),
            Row(CostSilo.LongContext, "{\"input_tokens\":300000,\"output_tokens\":100000}")) + "]}";

        var (status, text, body) = await PostAsync(_http, "/api/v1/cost/batch", json);

        Assert.True(status == HttpStatusCode.OK, text);
        var items = body["items"]!.AsArray();
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], items.Select(i => (int)i!["index"]!));
        Assert.Equal((3, 4), ((int)body["priced"]!, (int)body["failed"]!));
        Assert.Equal(1.200006m, (decimal)items[0]!["cost"]!["total"]!);
        Assert.Equal(("invalid_parameter", "items[1].usage.input_tokens"), ((string?)items[1]!["error"]!["code"], (string?)items[1]!["error"]!["parameter"]));
        Assert.Equal(("not_found", "model 'cost-lab/no-such-model' was not found"), ((string?)items[2]!["error"]!["code"], (string?)items[2]!["error"]!["message"]));
        Assert.Equal("items[3]", (string?)items[3]!["error"]!["parameter"]);
        Assert.Equal("items[4].usage.input_tokens", (string?)items[4]!["error"]!["parameter"]);
        Assert.Null((decimal?)items[5]!["cost"]!["total"]);
        Assert.Equal(["cache_read_tokens"], items[5]!["cost"]!["unpriced"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(4.05m, (decimal)items[6]!["cost"]!["total"]!);
        Assert.Contains("\"total\":1.200006,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_the_cap_or_without_items_is_a_400_naming_items()
    {
        var tooMany = "{\"items\":[" + string.Join(",", Enumerable.Repeat("{}", PriceCollection.MaxBatch + 1)) + "]}";

        var (overStatus, _, over) = await PostAsync(_http, "/api/v1/cost/batch", tooMany);
        var (missingStatus, _, missing) = await PostAsync(_http, "/api/v1/cost/batch", "{\"rows\":[]}");
        var (emptyStatus, _, empty) = await PostAsync(_http, "/api/v1/cost/batch", "{\"items\":[]}");

        Assert.Equal(HttpStatusCode.BadRequest, overStatus);
        Assert.Contains("at most 1000", (string?)Responses.Error(over, "invalid_parameter", "items")["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Responses.Error(missing, "unknown_parameter", "rows");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Empty(empty["items"]!.AsArray());
    }

    [Fact]
    public async Task Pricing_is_a_read_that_needs_no_key_where_reads_are_public()
    {
        Assert.Null(_http.DefaultRequestHeaders.Authorization);

        var body = await CostAsync(_http, Row(CostSilo.LongContext, "{\"input_tokens\":1,\"output_tokens\":1}"));

        Assert.Equal(0.000018m, (decimal)body["total"]!);
        Assert.True((long)body["generation"]! > 0);
    }

    private static List<string> Lines(JsonNode body) =>
        [.. body["lines"]!.AsArray().Select(l => $"{(string?)l!["component"]} {(long)l["quantity"]!} {l["unit_price"]!.ToJsonString()} {(string?)l["per"]} {l["amount"]!.ToJsonString()} {(string?)l["tier"] ?? "-"}")];
}
