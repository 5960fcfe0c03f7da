using System.Net;
using Starmap.Client;
using Starmap.Http.Tests.Cost;

namespace Starmap.Http.Tests;

/// <summary>A seeded silo of its own: these tests write.</summary>
public sealed class HistorySilo() : OwnSeededSilo("http-history");

/// <summary>
/// The catalog's past over HTTP: reads at a generation or time, the price-history route in the shape the web
/// page reads, compare, and the keyed restore with its dry run.
/// </summary>
public sealed class HistoryRouteTests(HistorySilo shared) : IClassFixture<HistorySilo>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A provider whose model "m" was priced 1/2 at the returned generation, then 7/9.</summary>
    private async Task<(string Id, long Cheap, long Dear)> RepricedAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { shared.Silo.Gateway } }, Cancel);
        await connection.Catalog.SetProviderAsync(new Provider { Id = id, Name = "History HTTP" });
        var cheap = await connection.Catalog.Providers.SetModelAsync(id, Offering(id, 1m, 2m));
        var dear = await connection.Catalog.Providers.SetModelAsync(id, Offering(id, 7m, 9m));
        return (id, cheap.Generation, dear.Generation);
    }

    private static Offering Offering(string provider, decimal input, decimal output) => new()
    {
        ProviderId = provider,
        ModelId = "m",
        Name = "M",
        Pricing = new ModelPricing { Tokens = new TokenPrices { Input = input, Output = output } },
    };

    [Fact]
    public async Task A_model_read_and_a_query_at_a_generation_answer_as_the_catalog_was_then()
    {
        var (id, cheap, dear) = await RepricedAsync("hist-read");
        using var http = shared.Client();

        var then = await http.JsonAsync($"/api/v1/models/{id}/m?generation={cheap}");
        var now = await http.JsonAsync($"/api/v1/models/{id}/m?min_generation={dear}");
        var page = await http.JsonAsync($"/api/v1/models?provider={id}&generation={cheap}");

        Assert.Equal(1m, (decimal)then["offering"]!["pricing"]!["tokens"]!["input"]!);
        Assert.Equal(7m, (decimal)now["offering"]!["pricing"]!["tokens"]!["input"]!);
        Assert.Equal(cheap, (long)page["generation"]!);
        Assert.Equal(2m, (decimal)page["items"]![0]!["offering"]!["pricing"]!["tokens"]!["output"]!);
    }

    [Fact]
    public async Task A_read_at_a_time_before_the_change_log_is_gone_and_one_in_the_future_generation_is_a_bad_request()
    {
        var (id, _, dear) = await RepricedAsync("hist-range");
        using var http = shared.Client();

        var gone = await http.JsonAsync($"/api/v1/models/{id}/m?at=2001-01-01T00:00:00Z", HttpStatusCode.Gone);
        // The seed is the log's starting point, not a change: the catalog before it (generation 0) cannot be read.
        var beforeSeed = await http.JsonAsync("/api/v1/models?generation=0", HttpStatusCode.Gone);
        Assert.Contains("older than the change log keeps", (string)Responses.Error(beforeSeed, "out_of_retention")["message"]!, StringComparison.Ordinal);
        var future = await http.JsonAsync($"/api/v1/models?generation={dear + 100000}", HttpStatusCode.BadRequest);
        var both = await http.JsonAsync($"/api/v1/models?generation=1&at=2026-01-01", HttpStatusCode.BadRequest);
        var garbled = await http.JsonAsync($"/api/v1/models/{id}/m?at=yesterday", HttpStatusCode.BadRequest);

        Assert.Contains("the catalog can be read at generations", (string)Responses.Error(gone, "out_of_retention")["message"]!, StringComparison.Ordinal);
        Assert.Contains("newer than the catalog", (string)Responses.Error(future, "out_of_range")["message"]!, StringComparison.Ordinal);
        Responses.Error(both, "invalid_parameter", "at");
        Responses.Error(garbled, "invalid_parameter", "at");
    }

    [Fact]
    public async Task A_model_that_did_not_exist_at_the_generation_is_not_found_naming_the_generation()
    {
        var (id, cheap, _) = await RepricedAsync("hist-404");
        using var http = shared.Client();

        var missing = await http.JsonAsync($"/api/v1/models/{id}/m?generation={cheap - 1}", HttpStatusCode.NotFound);

        Assert.Contains($"did not exist at generation {cheap - 1}", (string)Responses.Error(missing, "not_found")["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_price_history_route_lists_each_pricing_with_generation_time_origin_and_changes()
    {
        var (id, cheap, dear) = await RepricedAsync("hist-prices");
        using var http = shared.Client();

        var history = await http.JsonAsync($"/api/v1/providers/{id}/models/m/price-history");

        Assert.Equal((id, "m"), ((string)history["provider"]!, (string)history["model"]!));
        Assert.True((long)history["generation"]! >= dear);
        var items = history["items"]!.AsArray();
        Assert.Equal([cheap, dear], items.Select(i => (long)i!["generation"]!));
        Assert.All(items, i => Assert.Equal("client", (string)i!["origin"]!));
        Assert.All(items, i => Assert.NotNull((string?)i!["at"]));
        Assert.Equal(9m, (decimal)items[1]!["pricing"]!["tokens"]!["output"]!);
        var changes = items[1]!["changes"]!.AsArray().Select(c => ((string)c!["path"]!, (string?)c["old"], (string?)c["new"])).ToList();
        Assert.Contains(("pricing.tokens.input", "1", "7"), changes);
        Assert.Contains(("pricing.tokens.output", "2", "9"), changes);
        Responses.Error(await http.JsonAsync($"/api/v1/providers/{id}/models/nope/price-history", HttpStatusCode.NotFound), "not_found");
    }

    [Fact]
    public async Task Compare_summarises_the_changed_provider_with_the_field_details()
    {
        var (id, cheap, dear) = await RepricedAsync("hist-compare");
        using var http = shared.Client();

        var comparison = await http.JsonAsync($"/api/v1/compare?from={cheap}&to={dear}");

        Assert.Equal((cheap, dear), ((long)comparison["from"]!, (long)comparison["to"]!));
        var provider = Assert.Single(comparison["providers"]!.AsArray(), p => (string)p!["provider"]! == id)!;
        Assert.Equal(("changed", 1), ((string)provider["kind"]!, (int)provider["changed"]!));
        var fields = provider["models"]![0]!["fields"]!.AsArray().Select(f => (string)f!["path"]!).ToList();
        Assert.Equal(["pricing.tokens.input", "pricing.tokens.output"], fields);
        Responses.Error(await http.JsonAsync("/api/v1/compare", HttpStatusCode.BadRequest), "invalid_parameter", "from");
    }

    [Fact]
    public async Task Restore_needs_the_key_its_dry_run_writes_nothing_and_the_restore_is_logged_with_origin_restore()
    {
        var (id, cheap, _) = await RepricedAsync("hist-restore");
        using var anonymous = shared.Client();
        using var keyed = shared.Client(HttpSilo.ApiKey);

        using (var refused = await anonymous.PostAsync($"/api/v1/providers/{id}/restore?generation={cheap}", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var dry = await keyed.PostAsync($"/api/v1/providers/{id}/restore?generation={cheap}&dry_run=true", null, Cancel);
        var dryBody = JsonNode.Parse(await dry.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((bool)dryBody["dry_run"]!);
        Assert.Equal("m", (string)dryBody["changes"]!["updated_offerings"]![0]!["id"]!);
        Assert.Equal(7m, (decimal)(await keyed.JsonAsync($"/api/v1/models/{id}/m"))["offering"]!["pricing"]!["tokens"]!["input"]!);

        using var done = await keyed.PostAsync($"/api/v1/providers/{id}/restore?generation={cheap}", null, Cancel);
        var doneBody = JsonNode.Parse(await done.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var generation = (long)doneBody["generation"]!;
        var model = await keyed.JsonAsync($"/api/v1/models/{id}/m?min_generation={generation}");
        Assert.Equal(1m, (decimal)model["offering"]!["pricing"]!["tokens"]!["input"]!);
        var last = (await keyed.JsonAsync($"/api/v1/providers/{id}/models/m/price-history"))["items"]!.AsArray()[^1]!;
        Assert.Equal(("restore", generation), ((string)last["origin"]!, (long)last["generation"]!));
    }

    [Fact]
    public async Task The_cost_at_a_time_before_and_after_a_price_change_uses_the_prices_of_that_time_and_before_the_log_is_gone()
    {
        var (id, cheap, dear) = await RepricedAsync("hist-cost");
        using var http = shared.Client();
        var cheapAt = (string)(await http.JsonAsync($"/api/v1/changes/{cheap}"))["at"]!;
        var dearAt = (string)(await http.JsonAsync($"/api/v1/changes/{dear}"))["at"]!;
        string Row(string? at) => $"{{\"provider\":\"{id}\",\"model\":\"m\",\"usage\":{{\"input_tokens\":1000000,\"output_tokens\":1000000}}" +
            (at is null ? "}" : $",\"at\":\"{at}\"}}");

        // 1 + 2 per million tokens until the change, 7 + 9 after it.
        var before = await CostCalls.CostAsync(http, Row(cheapAt));
        var after = await CostCalls.CostAsync(http, Row(dearAt));
        var now = await CostCalls.CostAsync(http, Row(null));
        var (batchStatus, batchText, batch) = await CostCalls.PostAsync(http, "/api/v1/cost/batch", $"{{\"items\":[{Row(cheapAt)},{Row(dearAt)}]}}");
        await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { shared.Silo.Gateway } }, Cancel);
        var usage = new CallUsage { InputTokens = 1_000_000, OutputTokens = 1_000_000 };
        var client = await connection.Catalog.Prices.CalculateAsync(id, "m", usage, DateTimeOffset.Parse(cheapAt, System.Globalization.CultureInfo.InvariantCulture));
        var clientNow = await connection.Catalog.Prices.CalculateAsync(id, "m", usage);

        Assert.Equal((3m, cheap), ((decimal)before["total"]!, (long)before["generation"]!));
        Assert.Equal(16m, (decimal)after["total"]!);
        Assert.Equal(16m, (decimal)now["total"]!);
        Assert.True(batchStatus == HttpStatusCode.OK, batchText);
        Assert.Equal([3m, 16m], batch["items"]!.AsArray().Select(i => (decimal)i!["cost"]!["total"]!));
        Assert.Equal((3m, 16m), (client.Total, clientNow.Total));

        // Before the change log starts what the model cost is not known: 410, naming the generations that can be read.
        var (status, _, gone) = await CostCalls.PostAsync(http, "/api/v1/cost", Row("2001-01-01T00:00:00Z"));
        Assert.Equal(HttpStatusCode.Gone, status);
        var message = (string)Responses.Error(gone, "out_of_retention")["message"]!;
        Assert.Contains("the catalog can be read at generations", message, StringComparison.Ordinal);
        Assert.Contains("states no effective date", message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StarmapHistoryRangeException>(() => connection.Catalog.Prices.CalculateAsync(id, "m", usage, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Compare_summarises_each_changed_author_with_its_added_removed_and_changed_definitions()
    {
        var id = $"hist-author-{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { shared.Silo.Gateway } }, Cancel);
        var catalog = connection.Catalog;
        await catalog.SetAuthorAsync(new Author { Id = id, Name = "Lab" });
        var from = (await catalog.Authors.SetModelsAsync(id, [
            new ModelDefinition { Id = $"{id}/kept", Name = "Kept" },
            new ModelDefinition { Id = $"{id}/renamed", Name = "Old name" },
            new ModelDefinition { Id = $"{id}/dropped", Name = "Dropped" },
        ])).Generation;
        await catalog.SetAuthorAsync(new Author { Id = id, Name = "Lab PBC" });
        await catalog.Authors.DeleteModelAsync($"{id}/dropped");
        var to = (await catalog.Authors.SetModelsAsync(id, [
            new ModelDefinition { Id = $"{id}/added", Name = "Added" },
            new ModelDefinition { Id = $"{id}/kept", Name = "Kept" },
            new ModelDefinition { Id = $"{id}/renamed", Name = "New name" },
        ])).Generation;
        using var http = shared.Client();

        var comparison = await http.JsonAsync($"/api/v1/compare?from={from}&to={to}");
        var viaClient = await catalog.History.CompareAsync(CatalogPoint.OfGeneration(from), CatalogPoint.OfGeneration(to));

        var author = Assert.Single(comparison["authors"]!.AsArray(), a => (string?)a!["author"] == id)!;
        Assert.Equal(("changed", 1, 1, 1), ((string?)author["kind"], (int)author["added"]!, (int)author["removed"]!, (int)author["changed"]!));
        Assert.Equal(("name", "\"Lab\"", "\"Lab PBC\""), ((string?)author["fields"]![0]!["path"], (string?)author["fields"]![0]!["old"], (string?)author["fields"]![0]!["new"]));
        Assert.Equal([$"{id}/added", $"{id}/dropped", $"{id}/renamed"], author["definitions"]!.AsArray().Select(d => (string)d!["model"]!));
        var renamed = author["definitions"]!.AsArray().Single(d => (string?)d!["model"] == $"{id}/renamed")!;
        Assert.Contains(renamed["fields"]!.AsArray(), f => (string?)f!["path"] == "name" && (string?)f["new"] == "\"New name\"");
        var fromClient = Assert.Single(viaClient.Authors, a => a.Author == id);
        Assert.Equal(("changed", 1, 1, 1), (fromClient.Kind, fromClient.Added, fromClient.Removed, fromClient.Changed));
        Assert.DoesNotContain(viaClient.Providers, p => p.Provider == id);
    }
}
