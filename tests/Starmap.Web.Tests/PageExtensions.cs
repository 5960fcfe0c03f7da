using Microsoft.Playwright;

namespace Starmap.Web.Tests;

internal static class PageExtensions
{
    /// <summary>The data-model-id of every row of the browse table, in order.</summary>
    public static async Task<List<string>> RowIdsAsync(this IPage page) =>
        [.. await page.Locator("#models tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.modelId)")];

    /// <summary>
    /// Waits (Playwright polls the condition in the page) until the browse table shows exactly
    /// <paramref name="expected"/> and is not busy; fails with the rows it shows then.
    /// </summary>
    public static async Task<List<string>> WaitForRowsAsync(this IPage page, IReadOnlyList<string> expected, int timeoutMs = 15_000)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "expected => !document.querySelector('#models[aria-busy]') && JSON.stringify([...document.querySelectorAll('#models tbody tr')].map(r => r.dataset.modelId)) === JSON.stringify(expected)",
                expected.ToArray(), new PageWaitForFunctionOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            // Reported below with what the table shows.
        }
        var seen = await page.RowIdsAsync();
        Assert.Equal(expected, seen);
        return seen;
    }
}
