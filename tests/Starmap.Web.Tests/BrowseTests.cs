using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>The browse page against the full seeded catalog: rows, search, filters, sorting, URL state.</summary>
public sealed class BrowseTests(WebSilo web)
{
    [Fact]
    public async Task Search_narrows_the_table_to_what_the_API_answers_for_q()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root.ToString());
        await page.WaitForRowsAsync(await web.ModelIdsAsync("limit=50"));
        var expected = await web.ModelIdsAsync("q=claude+opus&limit=50");
        Assert.NotEmpty(expected);
        await page.GetByLabel("Search").FillAsync("claude opus");
        // The rows are the behaviour; the page writes the query into the URL (history.replaceState) before it
        // asks for them, so the URL is read once they show. (Waiting on the URL itself, a navigation wait in
        // Playwright, once timed out under CI's load with the page otherwise fine.)
        var rows = await page.WaitForRowsAsync(expected);
        Assert.All(rows, id => Assert.Contains("claude", id, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("q=claude+opus", page.Url, StringComparison.Ordinal);
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
