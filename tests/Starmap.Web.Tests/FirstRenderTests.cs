using System.Globalization;
using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>Timing runs alone, after the parallel tests, so other browser tests do not share its CPU.</summary>
[CollectionDefinition(nameof(Timing), DisableParallelization = true)]
public sealed class Timing;

/// <summary>How soon the first page of the full catalog is on screen after navigation (reported, not asserted).</summary>
[Collection(nameof(Timing))]
public sealed class FirstRenderTests(WebSilo web, ITestOutputHelper output)
{
    [Fact]
    public async Task The_first_page_of_the_full_catalog_is_the_APIs_first_page_and_its_render_time_is_reported()
    {
        var expected = await web.ModelIdsAsync("limit=50");
        var total = (await web.GetJsonAsync("api/v1/models?limit=1")).GetProperty("total").GetInt32();
        Assert.True(total > 5000, $"the default seed holds thousands of offerings, not {total}");
        // The silo has served the page and its first rows before (as for any visitor but the very first after a
        // start, who also waits for the silo's own JIT, about 1 s here): "cold" is the browser's first visit.
        await web.Http.GetStringAsync("api/v1/models?limit=50&fields=summary", TestContext.Current.CancellationToken);
        using (var shell = new HttpRequestMessage(HttpMethod.Get, ""))
        {
            shell.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
            using var served = await web.Http.SendAsync(shell, TestContext.Current.CancellationToken);
            served.EnsureSuccessStatusCode();
        }
        var page = await web.NewPageAsync();
        // In the page, from the moment the rows are in the DOM: two animation frames later the frame holding
        // them has been painted (an upper bound of when they are on screen), timed without the test's round trips.
        await page.AddInitScriptAsync("""
            new PerformanceObserver(list => {
              if (list.getEntriesByName('starmap:first-rows').length && window.starmapPainted === undefined) {
                requestAnimationFrame(() => requestAnimationFrame(() => { window.starmapPainted = performance.now(); }));
              }
            }).observe({ type: 'mark' });
            """);
        // A cold load (first visit), then warm ones (assets revalidated with 304s), each timed from navigation
        // start to the mark the page sets when its first rows are in the DOM, and to their paint.
        foreach (var visit in new[] { "cold", "warm", "warm", "warm" })
        {
            await page.GotoAsync(web.Root.ToString());
            await page.WaitForRowsAsync(expected);
            await page.WaitForFunctionAsync("() => window.starmapPainted !== undefined");
            var ms = await page.EvaluateAsync<double>("performance.getEntriesByName('starmap:first-rows')[0].startTime");
            var painted = await page.EvaluateAsync<double>("window.starmapPainted");
            output.WriteLine(FormattableString.Invariant($"first page of {total} offerings ({visit}): rows in the DOM {ms:F0} ms, painted by {painted:F0} ms after navigation"));
            Console.WriteLine(FormattableString.Invariant($"STARMAP-WEB first-render {visit}: rows {ms:F0} ms, painted {painted:F0} ms ({total} offerings)"));
            // Where the time went: the document, then each request (start → end, ms after navigation start).
            output.WriteLine(await page.EvaluateAsync<string>("""
                () => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                  .map(e => `  ${e.name.replace(location.origin, '')} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ms (${e.transferSize} B)`).join('\n')
                """));
        }
        await Assertions.Expect(page.Locator("#count")).ToContainTextAsync(total.ToString("N0", CultureInfo.InvariantCulture));

        // What the first page downloads: the summary the page asks for against the full models (uncompressed).
        var full = (await web.Http.GetByteArrayAsync("api/v1/models?limit=50", TestContext.Current.CancellationToken)).Length;
        var summary = (await web.Http.GetByteArrayAsync("api/v1/models?limit=50&fields=summary", TestContext.Current.CancellationToken)).Length;
        Assert.Contains(web.Requests, url => url.Contains("fields=summary", StringComparison.Ordinal));
        output.WriteLine(FormattableString.Invariant($"first page JSON: {summary} bytes as fields=summary, {full} bytes in full"));
        Console.WriteLine(FormattableString.Invariant($"STARMAP-WEB first-page JSON: summary {summary} bytes, full {full} bytes"));
    }
}
