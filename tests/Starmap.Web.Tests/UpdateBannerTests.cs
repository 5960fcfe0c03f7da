using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>
/// The banner that offers a reload when the catalog reaches a new generation. It writes to the shared
/// silo (imports one provider that sorts last), so it runs with the timing test, after the parallel tests.
/// </summary>
[Collection(nameof(Timing))]
public sealed class UpdateBannerTests(WebSilo web)
{
    private const string Import = """
        {"zz-web-banner": {"id": "zz-web-banner", "name": "ZZ Web Banner", "env": ["ZZ_WEB_BANNER_KEY"],
          "npm": "@ai-sdk/openai-compatible", "api": "http://127.0.0.1:9/v1", "doc": "http://127.0.0.1:9",
          "models": {"zz-model": {"id": "zz-model", "name": "ZZ Model", "attachment": false, "reasoning": false,
            "tool_call": false, "temperature": true, "release_date": "2025-01-01", "last_updated": "2025-01-01",
            "modalities": {"input": ["text"], "output": ["text"]}, "open_weights": false,
            "cost": {"input": 1, "output": 2}, "limit": {"context": 1000, "output": 100}}}}}
        """;

    [Fact]
    public async Task A_new_generation_shows_a_banner_that_reloads_the_page()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        var before = long.Parse(await page.EvaluateAsync<string>("document.body.dataset.generation"), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#banner")).ToBeHiddenAsync();
        // The page's event stream is open (its first event names the current generation) before the write.
        await page.WaitForFunctionAsync("() => document.body.dataset.streamGeneration !== undefined");

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/import?format=models.dev")
        {
            Content = new StringContent(Import, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", web.ApiKey);
        using var imported = await web.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(imported.IsSuccessStatusCode, $"{(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

        var banner = page.Locator("#banner");
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToContainTextAsync("generation");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Assertions.Expect(page.Locator("#banner")).ToBeHiddenAsync();
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.generation) > {before}");
    }
}
