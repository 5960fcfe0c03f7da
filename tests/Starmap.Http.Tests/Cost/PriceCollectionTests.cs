using static Starmap.Http.Tests.Cost.CostCalls;

namespace Starmap.Http.Tests.Cost;

/// <summary>
/// <c>catalog.Prices</c> through a real client connection: the same answers as <c>POST /api/v1/cost</c> for
/// the same rows, per-row errors in a batch, and the facade's own errors.
/// </summary>
[Collection(CostCollection.Name)]
public sealed class PriceCollectionTests(CostSilo silo) : IDisposable
{
    // A time to come: the catalog's prices now, with their effective dates (a past time reads the change log,
    // which on this silo starts with its first write; HistoryRouteTests cover that).
    private static readonly DateTimeOffset At = new(2099, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = silo.Client();

    private StarmapCatalog Catalog => silo.Connection.Catalog;

    public void Dispose() => _http.Dispose();

    private static readonly (string Model, string Usage)[] Cases =
    [
        (CostSilo.LongContext, "{\"input_tokens\":200000}"),
        (CostSilo.LongContext, "{\"input_tokens\":200001}"),
        (CostSilo.LongContext, "{\"input_tokens\":300000,\"output_tokens\":100000}"),
        (CostSilo.LongContext, "{\"input_tokens\":250000,\"cache_read_tokens\":50000,\"output_tokens\":10000,\"requests\":1}"),
        (CostSilo.LongContext, "{\"input_tokens\":10000,\"cache_read_tokens\":6000,\"cache_write_tokens\":1000,\"output_tokens\":500,\"requests\":2}"),
        (CostSilo.NoCachePrice, "{\"input_tokens\":1000,\"cache_read_tokens\":400,\"output_tokens\":10}"),
        (CostSilo.Dated, "{\"input_tokens\":1000000,\"output_tokens\":500000}"),
        (CostSilo.Unpriced, "{\"input_tokens\":5,\"requests\":1}"),
    ];

    public static TheoryData<string, string> Rows => [.. Cases];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_client_api_and_http_give_the_same_cost_for_the_same_row(string model, string usageJson)
    {
        var usage = Usage(usageJson);

        var viaClient = await Catalog.Prices.CalculateAsync(CostSilo.Provider, model, usage, At);
        var viaHttp = await CostAsync(_http, Row(model, usageJson, At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(viaClient with { Generation = 0 }, Read(viaHttp) with { Generation = 0 });
        Assert.Equal((decimal?)viaHttp["total"], viaClient.Total);
    }

    [Fact]
    public async Task The_client_batch_and_the_http_batch_agree_row_by_row()
    {
        var rows = Cases;
        var requests = rows.Select(r => new CostRequest { ProviderId = CostSilo.Provider, ModelId = r.Model, Usage = Usage(r.Usage), At = At }).ToList();
        var at = At.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var viaClient = await Catalog.Prices.CalculateBatchAsync(requests);
        var (status, text, viaHttp) = await PostAsync(_http, "/api/v1/cost/batch", "{\"items\":[" + string.Join(",", rows.Select(r => Row(r.Model, r.Usage, at))) + "]}");

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(rows.Length, viaClient.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(i, viaClient[i].Index);
            Assert.Equal(viaClient[i].Cost! with { Generation = 0 }, Read(viaHttp["items"]![i]!["cost"]!) with { Generation = 0 });
        }
    }

    [Fact]
    public async Task The_client_api_prices_the_worked_examples_exactly_across_the_tier()
    {
        var at = await Catalog.Prices.CalculateAsync(CostSilo.Provider, CostSilo.LongContext, new CallUsage { InputTokens = 200_000 });
        var above = await Catalog.Prices.CalculateAsync(CostSilo.Provider, CostSilo.LongContext, new CallUsage { InputTokens = 200_001 });
        var both = await Catalog.Prices.CalculateAsync(CostSilo.Provider, CostSilo.LongContext, new CallUsage { InputTokens = 300_000, OutputTokens = 100_000 });

        Assert.Equal((0.6m, (string?)null), (at.Total, at.Tier));
        Assert.Equal((1.200006m, "long-context"), (above.Total, above.Tier));
        Assert.Equal(4.05m, both.Total);
        Assert.True(both.Generation > 0);
        Assert.NotNull(both.At);
    }

    [Fact]
    public async Task A_client_batch_gives_a_bad_row_its_own_error_and_prices_the_rest()
    {
        CostRequest[] requests =
        [
            new() { ProviderId = CostSilo.Provider, ModelId = CostSilo.LongContext, Usage = new CallUsage { InputTokens = 200_001 } },
            new() { ProviderId = CostSilo.Provider, ModelId = CostSilo.LongContext, Usage = new CallUsage { InputTokens = -1 } },
            new() { ProviderId = "no-such-lab", ModelId = "m", Usage = new CallUsage { InputTokens = 1 } },
            new() { ProviderId = CostSilo.Provider, ModelId = "no-such-model", Usage = new CallUsage { InputTokens = 1 } },
            new() { ProviderId = CostSilo.Provider, ModelId = CostSilo.Dated, Usage = new CallUsage { InputTokens = 1_000_000 }, At = CostSilo.DatedFrom.AddDays(-1) },
        ];

        var items = await Catalog.Prices.CalculateBatchAsync(requests);

        Assert.Equal(1.200006m, items[0].Cost!.Total);
        Assert.Equal("input_tokens", Assert.IsType<StarmapValidationException>(items[1].Error).Field);
        Assert.Equal(("provider", "no-such-lab"), Assert.IsType<StarmapNotFoundException>(items[2].Error) is var p ? (p.Kind, p.Id) : default);
        Assert.Equal(("model", "cost-lab/no-such-model"), Assert.IsType<StarmapNotFoundException>(items[3].Error) is var m ? (m.Kind, m.Id) : default);
        Assert.Null(items[4].Cost!.Total);
        Assert.Equal(["input_tokens"], items[4].Cost!.Unpriced);
        Assert.All(items, i => Assert.True((i.Cost is null) != (i.Error is null)));
    }

    [Fact]
    public async Task The_client_api_throws_not_found_and_validation_errors_naming_what_was_wrong()
    {
        var provider = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Prices.CalculateAsync("no-such-lab", "m", new CallUsage()));
        var model = await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.Prices.CalculateAsync(CostSilo.Provider, "nope", new CallUsage()));
        var usage = await Assert.ThrowsAsync<StarmapValidationException>(() =>
            Catalog.Prices.CalculateAsync(CostSilo.Provider, CostSilo.LongContext, new CallUsage { OutputTokens = 5, ReasoningTokens = 6 }));
        var tooMany = await Assert.ThrowsAsync<StarmapValidationException>(() =>
            Catalog.Prices.CalculateBatchAsync([.. Enumerable.Repeat(new CostRequest { ProviderId = "a", ModelId = "b" }, PriceCollection.MaxBatch + 1)]));

        Assert.Equal("provider 'no-such-lab' was not found", provider.Message);
        Assert.Equal("model 'cost-lab/nope' was not found", model.Message);
        Assert.Equal("output_tokens", usage.Field);
        Assert.Equal("items", tooMany.Field);
    }

    private static CallUsage Usage(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        long Count(string name) => node[name] is { } value ? (long)value : 0;
        return new CallUsage
        {
            InputTokens = Count("input_tokens"), OutputTokens = Count("output_tokens"), CacheReadTokens = Count("cache_read_tokens"),
            CacheWriteTokens = Count("cache_write_tokens"), ReasoningTokens = Count("reasoning_tokens"), Requests = Count("requests"),
        };
    }

    // The HTTP answer read back into the answer type, to compare with the client's field by field.
    private static CallCost Read(JsonNode body) => new()
    {
        ProviderId = (string)body["provider"]!,
        ModelId = (string)body["model"]!,
        Currency = (string)body["currency"]!,
        Total = (decimal?)body["total"],
        Lines = body["lines"]!.AsArray().Select(l => new CostLine
        {
            Component = (string)l!["component"]!, Quantity = (long)l["quantity"]!, UnitPrice = (decimal)l["unit_price"]!,
            Per = (string)l["per"]!, Amount = (decimal)l["amount"]!, Tier = (string?)l["tier"],
        }).ToEquatableArray(),
        Unpriced = body["unpriced"]!.AsArray().Select(n => (string)n!).ToEquatableArray(),
        Tier = (string?)body["tier"],
        Notes = body["notes"]!.AsArray().Select(n => (string)n!).ToEquatableArray(),
        Generation = (long)body["generation"]!,
        At = (DateTimeOffset?)body["at"],
    };
}
