using Starmap.Client;

namespace Starmap.Http.Tests.Cost;

/// <summary>
/// A silo of its own (its writes must not move the shared silo's generation under the ETag tests) with an
/// empty catalog and one provider, set up through the client's write API: a model with base and
/// long-context prices, cache prices and a per-request price; one with no cache price; one whose prices
/// apply only from a date; one with no prices at all.
/// </summary>
public sealed class CostSilo : IAsyncLifetime
{
    public const string Provider = "cost-lab";
    public const string LongContext = "long-context-1";
    public const string NoCachePrice = "no-cache-price";
    public const string Dated = "dated-prices";
    public const string Unpriced = "unpriced";

    /// <summary>When <see cref="Dated"/>'s prices start to apply.</summary>
    public static readonly DateTimeOffset DatedFrom = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _data = TestFolders.New("http-cost");

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>A client connection (the .NET facade surface).</summary>
    public StarmapConnection Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Silo = await SiloProcess.StartAsync(_data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Seed", "false")));
        Connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { Silo.Gateway } });
        var catalog = Connection.Catalog;
        await catalog.Providers.CreateAsync(new Provider { Id = Provider, Name = "Cost Lab" });
        await catalog.Providers.CreateModelAsync(Provider, new Offering
        {
            ProviderId = Provider,
            ModelId = LongContext,
            Name = "Long Context",
            Pricing = new ModelPricing
            {
                Tokens = new TokenPrices { Input = 3m, Output = 15m, CacheRead = 0.3m, CacheWrite = 3.75m },
                Operations = new OperationPrices { Request = 0.0020m },
                Tiers = [new PricingTier { Name = "long-context", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 6m, Output = 22.5m, CacheRead = 0.6m } }],
            },
        });
        await catalog.Providers.CreateModelAsync(Provider, new Offering
        {
            ProviderId = Provider,
            ModelId = NoCachePrice,
            Name = "No Cache Price",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m, Output = 2m } },
        });
        await catalog.Providers.CreateModelAsync(Provider, new Offering
        {
            ProviderId = Provider,
            ModelId = Dated,
            Name = "Dated",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 2m, Output = 8m }, EffectiveFrom = DatedFrom },
        });
        var last = await catalog.Providers.CreateModelAsync(Provider, new Offering { ProviderId = Provider, ModelId = Unpriced, Name = "Unpriced" });
        // The silo's own replica (what HTTP reads) reaches the writes before any test asks it.
        using var http = Client();
        using var caughtUp = await http.GetAsync($"/api/v1/providers?min_generation={last.Generation}");
        caughtUp.EnsureSuccessStatusCode();
    }

    public HttpClient Client() => new() { BaseAddress = Silo.Http, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Silo.DisposeAsync();
        TestFolders.Delete(_data);
    }
}

/// <summary>The tests that share <see cref="CostSilo"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CostCollection : ICollectionFixture<CostSilo>
{
    public const string Name = "cost";
}

/// <summary>Posting JSON and reading the answer.</summary>
internal static class CostCalls
{
    public static async Task<(HttpStatusCode Status, string Text, JsonNode Body)> PostAsync(HttpClient client, string url, string json, string mediaType = "application/json")
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, mediaType);
        using var response = await client.PostAsync(url, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text, JsonNode.Parse(text)!);
    }

    public static async Task<JsonNode> CostAsync(HttpClient client, string json)
    {
        var (status, text, body) = await PostAsync(client, "/api/v1/cost", json);
        Assert.True(status == HttpStatusCode.OK, $"POST /api/v1/cost {json}: {(int)status} {text}");
        return body;
    }

    public static string Row(string model, string usage, string? at = null) =>
        $"{{\"provider\":\"{CostSilo.Provider}\",\"model\":\"{model}\",\"usage\":{usage}{(at is null ? "" : $",\"at\":\"{at}\"")}}}";
}
