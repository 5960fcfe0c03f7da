using Starmap.Client;

[assembly: AssemblyFixture(typeof(Starmap.Http.Tests.HttpSilo))]

namespace Starmap.Http.Tests;

/// <summary>
/// One seeded silo process with the HTTP API on a free loopback port and an API key in its environment,
/// shared by the tests that do not change limits or keys. Two offerings are added through the client
/// before any test: one whose ID holds '/' and '@', and one with no known price; and for the endpoints
/// view, a definition served by groq and openai, and a model ID both serve with no definition.
/// </summary>
public sealed class HttpSilo : IAsyncLifetime
{
    public const string ApiKey = "test-key-5f1d8c0b9a7e4e21";
    public const string SlashAtId = "acme/custom-model@v1";
    public const string UnpricedId = "acme/unpriced@2025-01";
    public const string ServedTwice = "endpoint-lab/served-twice";
    public const string UnlinkedId = "endpoint-lab/unlinked-1";

    // A copy of the seeded store (SeededStore), made in InitializeAsync.
    private string _data = "";

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>Generation that includes the two added offerings.</summary>
    public long Generation { get; private set; }

    /// <summary>The environment of a silo whose syncs never leave the machine and fail fast.</summary>
    public static Dictionary<string, string?> Environment(string? apiKey, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["STARMAP_API_KEY"] = apiKey,
            ["OPENAI_API_KEY"] = null,
            ["Starmap__Sources__ModelsDevUrl"] = $"http://127.0.0.1:{SiloProcess.FreePort()}/api.json",
            ["Starmap__Sources__MaxRetries"] = "0",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }
        return environment;
    }

    public async ValueTask InitializeAsync()
    {
        _data = await SeededStore.NewFolderAsync("http");
        Silo = await SiloProcess.StartAsync(_data, Environment(ApiKey));
        await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { Silo.Gateway } });
        var groq = await connection.Catalog.Providers.GetAsync("groq");
        var template = groq.Offerings[0];
        await connection.Catalog.Providers.SetModelAsync("groq", template with { ModelId = SlashAtId, Name = "Custom Slash At" });
        await connection.Catalog.Providers.SetModelAsync("groq", template with { ModelId = UnpricedId, Name = "Unpriced", Pricing = null, DefinitionId = null });
        var write = await AddServedModelsAsync(connection.Catalog, template);
        Generation = write.Generation;
        // Let this silo's replica reach the writes now, so no test sees the generation move under it (ETag/304).
        using var http = Client();
        using var caughtUp = await http.GetAsync($"/api/v1/providers?min_generation={Generation}");
        caughtUp.EnsureSuccessStatusCode();
    }

    // A definition with an offering at groq (priced, limited, active) and one at openai (input price only,
    // no limits, deprecated); and one model ID served by both with no definition.
    private static async Task<WriteResult> AddServedModelsAsync(StarmapCatalog catalog, Offering template)
    {
        await catalog.Authors.SetAsync(new Author { Id = "endpoint-lab", Name = "Endpoint Lab" });
        await catalog.Authors.SetModelAsync(new ModelDefinition
        {
            Id = ServedTwice,
            Name = "Served Twice",
            Description = "A model two providers serve",
            AuthorIds = ["endpoint-lab"],
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 5, 1), OpenWeights = true },
        });
        var plain = template with { DefinitionId = null, Metadata = null, Lineage = null, Description = null, AuthorIds = [] };
        await catalog.Providers.SetModelAsync("groq", plain with
        {
            ModelId = "served-twice",
            Name = "Served Twice (Groq)",
            DefinitionId = ServedTwice,
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0.5m, Output = 1.5m } },
            Limits = new ModelLimits { ContextWindow = 131_072, OutputTokens = 8_192 },
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active },
            Availability = Availability.Available,
        });
        await catalog.Providers.SetModelAsync("openai", plain with
        {
            ProviderId = "openai",
            ModelId = "served-twice-v1",
            Name = "Served Twice",
            DefinitionId = ServedTwice,
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0.4m } },
            Limits = null,
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated },
            Availability = Availability.Unknown,
        });
        await catalog.Providers.SetModelAsync("groq", plain with { ModelId = UnlinkedId, Name = "Unlinked" });
        return await catalog.Providers.SetModelAsync("openai", plain with { ProviderId = "openai", ModelId = UnlinkedId, Name = "Unlinked" });
    }

    public HttpClient Client(string? apiKey = null) => ClientOf(Silo, apiKey);

    /// <summary>A client of <paramref name="silo"/>'s HTTP API, sending <paramref name="apiKey"/> as a bearer token when given.</summary>
    public static HttpClient ClientOf(SiloProcess silo, string? apiKey, int timeoutSeconds = 60)
    {
        var client = new HttpClient { BaseAddress = silo.Http, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        TestFolders.Delete(_data);
    }
}

/// <summary>Reading answers as JSON.</summary>
public static class Responses
{
    public static async Task<JsonNode> JsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts the one error shape and returns its body.</summary>
    public static JsonNode Error(JsonNode answer, string code, string? parameter = null)
    {
        var error = answer["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        if (parameter is not null)
        {
            Assert.Equal(parameter, (string?)error["parameter"]);
        }
        return error;
    }
}
