using System.Net;
using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>A silo of its own with Starmap:Http:RequireKeyForReads: every read needs the key, the page shell does not.</summary>
public sealed class KeyedReadSilo : IAsyncLifetime
{
    // A copy of the seeded store (SeededStore), made in InitializeAsync.
    private string _data = "";

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>An HTTP client that sends the key.</summary>
    public HttpClient Http { get; private set; } = null!;

    public string ApiKey { get; } = "web-keyed-" + Guid.NewGuid().ToString("N");

    public async ValueTask InitializeAsync()
    {
        _data = await SeededStore.NewFolderAsync("web-keyed");
        Silo = await SiloProcess.StartAsync(_data, new Dictionary<string, string?>
        {
            ["STARMAP_API_KEY"] = ApiKey,
            ["Starmap__Http__RequireKeyForReads"] = "true",
            ["Starmap__Http__RateLimitPermits"] = "100000",
        });
        Http = new HttpClient { BaseAddress = Silo.Http };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        TestFolders.Delete(_data);
    }
}

/// <summary>The web catalog on a silo that serves reads only with its key.</summary>
public sealed class KeyedReadTests(WebSilo web, KeyedReadSilo keyed) : IClassFixture<KeyedReadSilo>
{
    [Fact]
    public async Task With_keyed_reads_the_page_asks_for_the_key_refuses_a_wrong_one_and_then_reads_with_it_on_every_page()
    {
        // The API refuses a read without the key; the page shell (static, no data) loads for anyone.
        using (var anonymous = new HttpClient { BaseAddress = keyed.Silo.Http })
        {
            using var refused = await anonymous.GetAsync("api/v1/models?limit=1", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            using var shell = await anonymous.GetAsync("", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, shell.StatusCode);
        }
        var first = System.Text.Json.JsonDocument.Parse(await keyed.Http.GetStringAsync("api/v1/models?limit=50", TestContext.Current.CancellationToken)).RootElement;
        var expected = first.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("offering").GetProperty("provider_id").GetString() + "/" + i.GetProperty("offering").GetProperty("model_id").GetString()).ToList();

        var page = await web.NewPageAsync(record: false);
        await page.GotoAsync(keyed.Silo.Http.ToString());
        // The first refused read puts the key entry in place of the table, focused.
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("API key needed");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#models")).ToHaveCountAsync(0);

        // A wrong key is refused by the API: the page says so, forgets it and asks again.
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=alert]", new() { HasTextString = "refused" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('starmap.apiKey')"));

        // The right key: the first page of the catalog, as the API answers it with the key.
        await page.GetByLabel("API key").FillAsync(keyed.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await page.WaitForRowsAsync(expected);
        await Assertions.Expect(page.Locator("#f-provider option[value=openai]")).ToHaveCountAsync(1);
        // The update stream reads with the key too (EventSource cannot send one): its first event arrives.
        await page.WaitForFunctionAsync("() => document.body.dataset.streamGeneration !== undefined");

        // The key is kept for the tab (sessionStorage only): the other pages read with it, without asking.
        Assert.Equal(keyed.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('starmap.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
        await page.GotoAsync(keyed.Silo.Http + "?view=model&id=openai/gpt-4o");
        await Assertions.Expect(page.Locator("#offering [data-field=input_price]")).ToHaveTextAsync("$2.50");
        await Assertions.Expect(page.Locator("#serving table, #history figure, #history p.muted").First).ToBeVisibleAsync();
        await page.GotoAsync(keyed.Silo.Http + "?view=providers");
        var providers = System.Text.Json.JsonDocument.Parse(await keyed.Http.GetStringAsync("api/v1/providers", TestContext.Current.CancellationToken)).RootElement;
        await Assertions.Expect(page.Locator("#providers tbody tr")).ToHaveCountAsync(providers.GetProperty("items").GetArrayLength());
        await Assertions.Expect(page.Locator("main [role=alert]")).ToHaveCountAsync(0);
    }
}
