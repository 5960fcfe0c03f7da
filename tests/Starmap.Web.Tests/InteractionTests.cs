using System.Net;
using System.Net.Http.Headers;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>Keyboard use, the key-gated administration page, accessibility (axe), phone size and dark mode.</summary>
public sealed class InteractionTests(WebSilo web, ITestOutputHelper output)
{
    private static readonly string[] Views =
        ["", "?view=model&id=openai/gpt-4o", "?view=compare&id=openai/gpt-4o&id=anthropic/claude-sonnet-4-5", "?view=providers", "?view=changes", "?view=admin"];

    [Fact]
    public async Task The_keyboard_alone_reaches_the_content_searches_and_sorts()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        // Focus order: the skip link first, then the content it skips to, then the search box.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("gemini");
        await page.WaitForRowsAsync(await web.ModelIdsAsync("q=gemini&limit=50"));
        // Tab on to the context column's sort button and press it with Enter.
        var sort = page.Locator("th[data-key=context] button");
        for (var i = 0; i < 40 && !await sort.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(sort).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForRowsAsync(await web.ModelIdsAsync("q=gemini&sort=context&limit=50"));
        // A row's compare box toggles with Space.
        var box = page.Locator("#models tbody input[type=checkbox]").First;
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(box).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#compare-link")).ToHaveTextAsync("Compare selected (1)");
    }

    [Fact]
    public async Task The_admin_actions_appear_only_after_the_key_and_a_dry_run_shows_its_changeset()
    {
        // The API itself refuses a sync without the key.
        using (var refused = await web.Http.PostAsync("api/v1/providers/openai/sync?dry_run=true", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=admin");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sync-now, #dry-run")).ToHaveCountAsync(0);

        // A wrong key is refused by the API, and the page says so.
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sync-provider option[value=openai]")).ToHaveCountAsync(1);
        await page.GetByLabel("Provider").SelectOptionAsync("openai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sync-result [role=alert]")).ToContainTextAsync("refused");

        await page.GetByRole(AriaRole.Button, new() { Name = "Forget the key" }).ClickAsync();
        await page.GetByLabel("API key").FillAsync(web.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sync-provider option[value=openai]")).ToHaveCountAsync(1);
        await page.GetByLabel("Provider").SelectOptionAsync("openai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        // The sources are unreachable here, so the dry run ends quickly; whatever its status, its report shows.
        await Assertions.Expect(page.Locator("#h-result")).ToContainTextAsync("Dry run of openai", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#changeset, #changeset-empty").First).ToBeVisibleAsync();
        // The key is kept for this tab only: sessionStorage, never localStorage or a cookie.
        Assert.Equal(web.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('starmap.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(web.Root + "?view=admin");
        await Assertions.Expect(other.GetByLabel("API key")).ToBeVisibleAsync();
    }

    // Only violations in full: axe then lists one node per passing rule, not every cell of a long table.
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    [Fact]
    public async Task Axe_finds_no_serious_violation_on_any_page_in_light_or_dark_mode()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await web.NewPageAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            // Every page in light mode; in dark mode the pages with the most kinds of text (one palette serves all).
            foreach (var view in scheme == ColorScheme.Light ? Views : Views.Take(2))
            {
                await page.GotoAsync(web.Root + view);
                await Assertions.Expect(page.Locator("main p.muted", new() { HasTextString = "Loading" })).ToHaveCountAsync(0);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var result = await page.RunAxe(ViolationsOnly);
                output.WriteLine($"{scheme} '{view}': axe ran in {clock.ElapsedMilliseconds} ms");
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
                foreach (var v in result.Violations)
                {
                    output.WriteLine($"{scheme} '{view}': {v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})");
                }
                Assert.True(serious.Count == 0, $"{scheme} '{view}': " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
            }
        }
    }

    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_sideways_scrolling_of_the_page()
    {
        var page = await web.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        foreach (var view in Views)
        {
            await page.GotoAsync(web.Root + view);
            await Assertions.Expect(page.Locator("main p.muted", new() { HasTextString = "Loading" })).ToHaveCountAsync(0);
            // Wide tables scroll inside their own region; the page itself stays phone-wide.
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"'{view}' is {width} px wide on a 390 px screen");
        }
        var dark = await web.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        await dark.GotoAsync(web.Root.ToString());
        Assert.Equal("rgb(13, 17, 23)", await dark.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task The_assets_are_embedded_compressed_revalidated_and_their_compressed_size_is_reported()
    {
        long raw = 0, compressed = 0;
        foreach (var asset in new[] { "", "app.css", "app.js", "first.js", "api.js", "browse.js", "model.js", "compare.js", "providers.js", "changes.js", "admin.js", "key.js" })
        {
            using var plain = await web.Http.GetAsync(asset, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            raw += (await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var brotli = await web.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
            compressed += (await brotli.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
            // A reload revalidates: the same ETag answers 304 with no body.
            using var again = new HttpRequestMessage(HttpMethod.Get, asset);
            again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
            using var notModified = await web.Http.SendAsync(again, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
        output.WriteLine($"web catalog assets: {raw} bytes, {compressed} bytes with Brotli");
        Console.WriteLine($"STARMAP-WEB assets: {raw} bytes raw, {compressed} bytes Brotli");
        using var index = await web.Http.GetAsync("", TestContext.Current.CancellationToken);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // The API keeps its own 404 under /api.
        using var missing = await web.Http.GetAsync("api/v1/no-such-route", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
