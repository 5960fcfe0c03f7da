using System.Globalization;
using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>The browse page against the full seeded catalog: rows, search, filters, sorting, URL state.</summary>
public sealed class BrowseTests(WebSilo web, ITestOutputHelper output)
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
    }

    [Fact]
    public async Task Search_narrows_the_table_to_what_the_API_answers_for_q()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        await page.GetByLabel("Search").FillAsync("claude opus");
        await page.WaitForURLAsync(url => url.Contains("q=claude+opus", StringComparison.Ordinal));
        var expected = await web.ModelIdsAsync("q=claude+opus&limit=50");
        Assert.NotEmpty(expected);
        var rows = await page.WaitForRowsAsync(expected);
        Assert.All(rows, id => Assert.Contains("claude", id, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_provider_filter_and_a_sort_by_input_price_show_the_rows_the_API_answers_in_both_orders()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        await Assertions.Expect(page.Locator("#f-provider option[value=openai]")).ToHaveCountAsync(1);
        await page.GetByLabel("Provider").SelectOptionAsync("openai");
        await page.WaitForRowsAsync(await web.ModelIdsAsync("provider=openai&limit=50"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Input $/1M" }).ClickAsync();
        await page.WaitForRowsAsync(await web.ModelIdsAsync("provider=openai&sort=input_price&limit=50"));
        await Assertions.Expect(page.Locator("th[data-key=input_price]")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Contains("provider=openai", page.Url, StringComparison.Ordinal);
        Assert.Contains("sort=input_price", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Input $/1M" }).ClickAsync();
        await page.WaitForRowsAsync(await web.ModelIdsAsync("provider=openai&sort=input_price&order=desc&limit=50"));
        await Assertions.Expect(page.Locator("th[data-key=input_price]")).ToHaveAttributeAsync("aria-sort", "descending");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("id")]
    [InlineData("context")]
    [InlineData("output_price")]
    [InlineData("release_date")]
    [InlineData("knowledge_cutoff")]
    public async Task Every_column_sorts_the_rows_as_the_API_sorts_them(string key)
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?status=active");
        await page.WaitForRowsAsync(await web.ModelIdsAsync("status=active&limit=50"));
        await page.Locator($"th[data-key={key}] button").ClickAsync();
        await page.WaitForRowsAsync(await web.ModelIdsAsync($"status=active&sort={key}&limit=50"));
    }

    [Fact]
    public async Task A_shared_URL_restores_the_search_the_filter_and_the_sort()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?q=gpt&provider=openai&sort=input_price");
        await page.WaitForRowsAsync(await web.ModelIdsAsync("q=gpt&provider=openai&sort=input_price&limit=50"));
        await Assertions.Expect(page.GetByLabel("Search")).ToHaveValueAsync("gpt");
        await Assertions.Expect(page.GetByLabel("Provider")).ToHaveValueAsync("openai");
        await Assertions.Expect(page.Locator("th[data-key=input_price]")).ToHaveAttributeAsync("aria-sort", "ascending");
    }

    [Fact]
    public async Task Filters_for_modality_feature_context_price_status_open_weights_and_release_date_reach_the_API()
    {
        const string query = "modality_input=image&feature=reasoning&min_context=128000&max_input_price=5&status=active&open_weights=false&released_after=2025-01-01";
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?" + query);
        var expected = await web.ModelIdsAsync(query + "&limit=50");
        Assert.NotEmpty(expected);
        await page.WaitForRowsAsync(expected);
        await page.GetByLabel("Open weights").SelectOptionAsync("true");
        await page.WaitForRowsAsync(await web.ModelIdsAsync(query.Replace("open_weights=false", "open_weights=true", StringComparison.Ordinal) + "&limit=50"));
    }

    [Fact]
    public async Task Paging_moves_through_the_catalog_and_back()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50&offset=50"));
        await page.GoBackAsync();
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
    }

    [Fact]
    public async Task An_unknown_price_shows_as_unknown_never_as_zero()
    {
        // The API knows no price for this offering (models.dev lists none).
        var model = await web.GetJsonAsync("api/v1/models/vercel/xai%2Fgrok-stt");
        Assert.False(model.GetProperty("offering").TryGetProperty("pricing", out _));
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?q=grok-stt&provider=vercel");
        var row = page.Locator("tr[data-model-id='vercel/xai/grok-stt']");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("unknown");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("unknown");
    }

    [Fact]
    public async Task Each_row_names_its_offering_as_provider_slash_model_id()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?provider=openai&q=gpt-4o");
        var ids = await page.WaitForRowsAsync(await web.ModelIdsAsync("provider=openai&q=gpt-4o&limit=50"));
        Assert.Contains("openai/gpt-4o", ids);
        await Assertions.Expect(page.Locator("tr[data-model-id='openai/gpt-4o'] a")).ToHaveAttributeAsync("href", "?view=model&id=openai%2Fgpt-4o");
    }
}
