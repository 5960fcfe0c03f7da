using Microsoft.Playwright;

namespace Starmap.Web.Tests;

internal static class PageExtensions
{
    /// <summary>The data-model-id of every row of the browse table, in order.</summary>
    public static async Task<List<string>> RowIdsAsync(this IPage page) =>
        [.. await page.Locator("#models tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.modelId)")];

    /// <summary>Waits until the browse table shows exactly <paramref name="expected"/> (polls; fails with what it saw).</summary>
    public static async Task<List<string>> WaitForRowsAsync(this IPage page, IReadOnlyList<string> expected, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        List<string> seen;
        do
        {
            seen = await page.RowIdsAsync();
            if (seen.SequenceEqual(expected) && await page.Locator("#models[aria-busy]").CountAsync() == 0)
            {
                return seen;
            }
            await page.WaitForTimeoutAsync(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(expected, seen);
        return seen;
    }
}
