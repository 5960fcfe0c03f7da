using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>
/// Captures every page at desktop and phone size. build/screenshots.sh runs this with
/// STARMAP_SCREENSHOTS=docs/screenshots to refresh the README's pictures; otherwise they go to a temporary folder.
/// </summary>
public sealed class ScreenshotTests(WebSilo web)
{
    private static readonly (string Name, string Query)[] Pages =
    [
        ("browse", "?q=claude&sort=input_price&order=desc"),
        ("model", "?view=model&id=openai/gpt-4o"),
        ("compare", "?view=compare&id=openai/gpt-4o&id=anthropic/claude-sonnet-4-5&id=google-vertex/gemini-2.5-pro"),
        ("providers", "?view=providers"),
        ("changes", "?view=changes"),
        ("admin", "?view=admin"),
    ];

    [Fact]
    public async Task Every_page_is_captured_at_desktop_and_phone_size_and_in_dark_mode()
    {
        var folder = Environment.GetEnvironmentVariable("STARMAP_SCREENSHOTS") is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : TestFolders.New("screenshots");
        Directory.CreateDirectory(folder);
        var sizes = new (string Name, BrowserNewContextOptions Options)[]
        {
            ("desktop", new() { ViewportSize = new() { Width = 1280, Height = 860 }, ColorScheme = ColorScheme.Light }),
            ("phone", new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, ColorScheme = ColorScheme.Light }),
            ("desktop-dark", new() { ViewportSize = new() { Width = 1280, Height = 860 }, ColorScheme = ColorScheme.Dark }),
        };
        foreach (var (size, options) in sizes)
        {
            var page = await web.NewPageAsync(options);
            foreach (var (name, query) in Pages)
            {
                if (size == "desktop-dark" && name != "browse" && name != "model")
                {
                    continue; // dark mode: two pages are enough to show it
                }
                await page.GotoAsync(web.Root + query);
                await Assertions.Expect(page.Locator("main p.muted", new() { HasTextString = "Loading" })).ToHaveCountAsync(0);
                var file = Path.Combine(folder, $"{name}-{size}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });
                Assert.True(new FileInfo(file).Length > 5_000, $"{file} is nearly empty");
            }
        }
    }
}
