using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Starmap.Client;

[assembly: AssemblyFixture(typeof(Starmap.Web.Tests.WebSilo))]

namespace Starmap.Web.Tests;

/// <summary>
/// One real silo process with the full default seed (175 providers, 5,909 offerings) and one headless
/// Chromium (Debian's, driven by Playwright) shared by every web test. Sources point at a closed loopback
/// port, so a sync from the admin page fails fast instead of reaching out of the machine.
/// </summary>
public sealed class WebSilo : IAsyncLifetime
{
    /// <summary>Chromium flags this machine needs: no background networking, which a closed network refuses.</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    // A copy of the seeded store (SeededStore), made in InitializeAsync.
    private string _data = "";

    public SiloProcess Silo { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The silo's write key (the admin page asks for it).</summary>
    public string ApiKey { get; } = "web-test-" + Guid.NewGuid().ToString("N");

    /// <summary>Every URL a page asked for, across all tests: none may leave the loopback silo.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Root => Silo.Http;

    /// <summary>A provider the fixture writes through the Orleans client (its ID sorts last, after the seed).</summary>
    public const string HistoryProvider = "zz-web-history";

    /// <summary>The generations at which <see cref="HistoryProvider"/>'s model "m" was priced 1/2, then 7/9 (USD per 1M).</summary>
    public IReadOnlyList<long> HistoryGenerations { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        _data = await SeededStore.NewFolderAsync("web");
        var closed = SiloProcess.FreePort();
        Silo = await SiloProcess.StartAsync(_data, new Dictionary<string, string?>
        {
            ["STARMAP_API_KEY"] = ApiKey,
            ["Starmap__Sources__ModelsDevUrl"] = $"http://127.0.0.1:{closed}/api.json",
            ["Starmap__Sources__MaxRetries"] = "0",
            ["Starmap__Sources__RequestTimeout"] = "00:00:02",
            ["Starmap__Sources__Deadline"] = "00:00:10",
            // The browser tests make many requests from one address in a short run.
            ["Starmap__Http__RateLimitPermits"] = "100000",
        });
        Http = new HttpClient { BaseAddress = Silo.Http };
        await WriteHistoryAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("STARMAP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A price change written as a .NET client writes it (the change log records it with its generation):
    /// the model page's history sections then have something to show. Waits until this silo's HTTP reads see it.
    /// </summary>
    private async Task WriteHistoryAsync()
    {
        await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { Silo.Gateway } }, CancellationToken.None))
        {
            await connection.Catalog.SetProviderAsync(new Provider { Id = HistoryProvider, Name = "ZZ Web History" });
            var cheap = await connection.Catalog.Providers.SetModelAsync(HistoryProvider, Priced(1m, 2m));
            var dear = await connection.Catalog.Providers.SetModelAsync(HistoryProvider, Priced(7m, 9m));
            HistoryGenerations = [cheap.Generation, dear.Generation];
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await ReadsSeeAsync(HistoryGenerations[1]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the silo's reads did not reach generation {HistoryGenerations[1]} within 30 s");
            await Task.Delay(100);
        }

        async Task<bool> ReadsSeeAsync(long generation)
        {
            using var answer = await Http.GetAsync($"api/v1/models/{HistoryProvider}/m?min_generation={generation}");
            return answer.IsSuccessStatusCode;
        }

        static Offering Priced(decimal input, decimal output) => new()
        {
            ProviderId = HistoryProvider,
            ModelId = "m",
            Name = "ZZ History Model",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = input, Output = output } },
        };
    }

    /// <summary>
    /// A fresh page (its own context: storage, cookies) at desktop size, or as given. Its requests are recorded
    /// in <see cref="Requests"/> (all must stay on this silo) unless <paramref name="record"/> is false (another silo's page).
    /// </summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null, bool record = true)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (record)
        {
            page.Request += (_, request) => Requests.Enqueue(request.Url);
        }
        return page;
    }

    /// <summary>The API's answer, for comparing what a page shows with it.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The "provider/model" IDs of a model page answer, in order.</summary>
    public async Task<List<string>> ModelIdsAsync(string query)
    {
        var page = await GetJsonAsync("api/v1/models?" + query);
        return [.. page.GetProperty("items").EnumerateArray().Select(i =>
            i.GetProperty("offering").GetProperty("provider_id").GetString() + "/" + i.GetProperty("offering").GetProperty("model_id").GetString())];
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        Http?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        TestFolders.Delete(_data);
    }
}
