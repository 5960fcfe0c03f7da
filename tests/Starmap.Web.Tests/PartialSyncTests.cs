using System.Net.Http.Headers;
using Microsoft.Playwright;
using Starmap.Client;

namespace Starmap.Web.Tests;

/// <summary>
/// A sync that went on without one of its sources is shown as a warning on the providers page, never in the
/// green of a whole sync. It writes to the shared silo (a provider that sorts last), so it runs with the timing
/// test, after the parallel tests.
/// </summary>
[Collection(nameof(Timing))]
public sealed class PartialSyncTests(WebSilo web)
{
    private const string Provider = "zz-web-partial";

    [Fact]
    public async Task A_sync_whose_models_dev_source_failed_shows_as_a_warning_naming_it_on_the_providers_page()
    {
        // Its list is the silo's own OpenAI-style export of the fixture's history provider (no key needed);
        // models.dev points at a closed port in this silo, so that source fails.
        await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { web.Silo.Gateway } }, TestContext.Current.CancellationToken))
        {
            await connection.Catalog.SetProviderAsync(new Provider
            {
                Id = Provider,
                Name = "ZZ Web Partial",
                Catalog = new ProviderCatalogConfig
                {
                    Endpoint = new CatalogEndpoint
                    {
                        Type = CatalogEndpointType.OpenAI,
                        Url = new Uri(web.Root, $"api/v1/providers/{WebSilo.HistoryProvider}/openai/v1/models").ToString(),
                    },
                },
            });
        }
        using var sync = new HttpRequestMessage(HttpMethod.Post, $"api/v1/providers/{Provider}/sync");
        sync.Headers.Authorization = new AuthenticationHeaderValue("Bearer", web.ApiKey);
        using var synced = await web.Http.SendAsync(sync, TestContext.Current.CancellationToken);
        var body = await synced.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(synced.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)synced.StatusCode}: {body}");
        Assert.Contains("synced from provider-api alone", body, StringComparison.Ordinal);

        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=providers");
        var last = page.Locator($"#providers tr[data-provider-id={Provider}] td").Nth(3);
        await Assertions.Expect(last.Locator("span.warn")).ToHaveTextAsync("applied (a source failed)");
        await Assertions.Expect(last.Locator("span.ok")).ToHaveCountAsync(0);
        await Assertions.Expect(last.Locator(".sub")).ToContainTextAsync("models.dev failed");
    }

    [Fact]
    public async Task A_model_whose_id_is_250_characters_without_a_space_fits_a_phone_screen_on_its_page()
    {
        const string longProvider = "zz-web-long";
        var id = "long-" + new string('x', 245);
        await using (var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { web.Silo.Gateway } }, TestContext.Current.CancellationToken))
        {
            await connection.Catalog.SetProviderAsync(new Provider { Id = longProvider, Name = "ZZ Web Long" });
            var write = await connection.Catalog.Providers.SetModelAsync(longProvider, new Offering { ProviderId = longProvider, ModelId = id, Name = id[..200] });
            using var seen = await web.Http.GetAsync($"api/v1/models/{longProvider}/{id}?min_generation={write.Generation}", TestContext.Current.CancellationToken);
            Assert.True(seen.IsSuccessStatusCode, $"{(int)seen.StatusCode}");
        }

        var page = await web.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(web.Root + $"?view=model&id={longProvider}/{id}");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(id[..200]);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(id);
        await Assertions.Expect(page.Locator("main p.muted", new() { HasTextString = "Loading" })).ToHaveCountAsync(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = width <= 390 ? "" : await page.EvaluateAsync<string>("""
            () => {
              const out = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n && out.length < 5; n = walker.nextNode()) {
                const range = document.createRange(); range.selectNodeContents(n);
                if (range.getBoundingClientRect().right > 390 && !n.parentElement.closest('.scroll')) {
                  const e = n.parentElement; out.push(e.tagName + '.' + e.className + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className);
                }
              }
              return out.join(', ');
            }
            """);
        Assert.True(width <= 390, $"the model page is {width} px wide on a 390 px screen (text past the edge: {widest})");
    }
}
