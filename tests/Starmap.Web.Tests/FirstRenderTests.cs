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
        var page = await web.NewPageAsync();
        // Twice: a cold load (first visit) and a warm one (assets revalidated with 304s), each timed from
        // navigation start to the mark the page sets when its first rows are in the DOM.
        foreach (var visit in new[] { "cold", "warm" })
        {
            await page.GotoAsync(web.Root.ToString());
            await page.WaitForRowsAsync(expected);
            var ms = await page.EvaluateAsync<double>("performance.getEntriesByName('starmap:first-rows')[0].startTime");
            var painted = await page.EvaluateAsync<double>("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
            output.WriteLine(FormattableString.Invariant($"first page of {total} offerings ({visit}): rows in the DOM {ms:F0} ms, painted by {painted:F0} ms after navigation"));
            Console.WriteLine(FormattableString.Invariant($"STARMAP-WEB first-render {visit}: rows {ms:F0} ms, painted {painted:F0} ms ({total} offerings)"));
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
