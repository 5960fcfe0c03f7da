using System.Net;
using System.Text.RegularExpressions;

namespace Starmap.Web.Tests;

/// <summary>
/// The page shell names its scripts and style under this build's version (<c>v/{version}/</c>), served as
/// immutable, so a repeat visit takes them from the browser's cache without a request; the first page's API
/// request starts before the page's scripts have loaded.
/// </summary>
public sealed partial class AssetCacheTests(WebSilo web)
{
    [Fact]
    public async Task The_shell_names_versioned_assets_that_are_the_files_bytes_cached_for_good_and_another_version_is_revalidated()
    {
        var ct = TestContext.Current.CancellationToken;
        var shell = await web.Http.GetStringAsync("", ct);
        var version = Versioned().Match(shell).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{12}$", version);
        foreach (var asset in new[] { "app.js", "first.js", "api.js", "browse.js", "app.css" })
        {
            Assert.Contains($"\"v/{version}/{asset}\"", shell, StringComparison.Ordinal);
        }
        foreach (var asset in new[] { "app.js", "model.js", "app.css" })
        {
            using var versioned = await web.Http.GetAsync($"v/{version}/{asset}", ct);
            Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl!.ToString());
            Assert.Equal(await web.Http.GetByteArrayAsync(asset, ct), await versioned.Content.ReadAsByteArrayAsync(ct));
            // A page of an earlier build asking for its version gets today's file, revalidated rather than kept.
            using var other = await web.Http.GetAsync($"v/000000000000/{asset}", ct);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.True(other.Headers.CacheControl!.NoCache);
        }
        // The shell itself is revalidated: its ETag is the version, and it answers 304 while the build is the same.
        using var first = await web.Http.GetAsync("", ct);
        Assert.True(first.Headers.CacheControl!.NoCache);
        using var again = new HttpRequestMessage(HttpMethod.Get, "");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await web.Http.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_repeat_visit_takes_every_script_and_the_style_from_the_cache_without_a_request()
    {
        var expected = await web.ModelIdsAsync("limit=50");
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(expected);
        await page.GotoAsync(web.Root + "?view=providers");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#providers")).ToBeVisibleAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(expected);
        // Resource timing: a response from the cache transferred 0 bytes; a revalidation (304) transfers its headers.
        var assets = await page.EvaluateAsync<string[]>("""
            () => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/v/'))
              .map(e => `${new URL(e.name).pathname} ${e.transferSize}`)
            """);
        Assert.Contains(assets, a => a.Contains("/browse.js ", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("/app.css ", StringComparison.Ordinal));
        Assert.All(assets, a => Assert.EndsWith(" 0", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_pages_API_request_starts_before_the_page_script_renders_and_the_page_uses_its_answer()
    {
        var expected = await web.ModelIdsAsync("q=gpt&sort=input_price&limit=50");
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?q=gpt&sort=input_price");
        await page.WaitForRowsAsync(expected);
        var times = await page.EvaluateAsync<double[]>("""
            () => {
              const models = performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === '/api/v1/models');
              return [models.length, models[0].startTime, performance.getEntriesByName('starmap:view')[0].startTime];
            }
            """);
        // One request for the first page: the early one, taken by the page, sent before the page's script drew anything.
        Assert.Equal(1, times[0]);
        Assert.True(times[1] < times[2], $"the models request started at {times[1]:F0} ms, after the page script began rendering at {times[2]:F0} ms");
    }

    [GeneratedRegex("src=\"v/([0-9a-f]{12})/app\\.js\"")]
    private static partial Regex Versioned();
}
