using Microsoft.Playwright;

namespace Starmap.Web.Tests;

/// <summary>The model, compare, providers and changes pages render what the API says.</summary>
public sealed class PageTests(WebSilo web)
{
    [Fact]
    public async Task The_model_page_shows_the_definition_the_offering_and_every_provider_serving_it()
    {
        var endpoints = await web.GetJsonAsync("api/v1/models/openai/gpt-4o/endpoints");
        var serving = endpoints.GetProperty("data").GetProperty("endpoints").GetArrayLength();
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=model&id=openai/gpt-4o");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("GPT-4o");
        await Assertions.Expect(page.Locator("#offering [data-field=input_price]")).ToHaveTextAsync("$2.50");
        await Assertions.Expect(page.Locator("#offering [data-field=output_price]")).ToHaveTextAsync("$10");
        await Assertions.Expect(page.Locator("#offering [data-field=context]")).ToHaveTextAsync("128,000");
        await Assertions.Expect(page.Locator("#definition")).ToContainTextAsync("openai/gpt-4o");
        await Assertions.Expect(page.Locator("#providers-serving tbody tr")).ToHaveCountAsync(serving);
        await Assertions.Expect(page.Locator("#providers-serving tr[data-model-id='openai/gpt-4o']")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task The_price_history_and_recent_changes_show_the_log_or_say_it_is_not_available()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=model&id=openai/gpt-4o");
        foreach (var (section, table) in new[] { ("#history", "figure.chart, #price-history, p.muted"), ("#changes", "table.changes, p.muted") })
        {
            // Before issue 12's routes exist the API answers 404 "no such route": the page says so, never an error.
            var route = section == "#history" ? "api/v1/providers/openai/models/gpt-4o/price-history" : "api/v1/changes?provider=openai&model=gpt-4o&limit=20&order=desc";
            using var answer = await web.Http.GetAsync(route, TestContext.Current.CancellationToken);
            var expected = answer.StatusCode == System.Net.HttpStatusCode.NotFound ? "p.notice" : table;
            await Assertions.Expect(page.Locator($"{section} {expected}").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"{section} [role=alert]")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_written_price_change_shows_as_two_points_per_price_in_the_chart_and_as_field_old_new_rows_in_recent_changes()
    {
        // The fixture priced zz-web-history/m at 1/2, then 7/9, through the Orleans client: the API's history has both.
        const string provider = WebSilo.HistoryProvider;
        var history = (await web.GetJsonAsync($"api/v1/providers/{provider}/models/m/price-history")).GetProperty("items");
        Assert.Equal(web.HistoryGenerations, history.EnumerateArray().Select(i => i.GetProperty("generation").GetInt64()));
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + $"?view=model&id={provider}/m");
        await Assertions.Expect(page.Locator("#offering [data-field=input_price]")).ToHaveTextAsync("$7.00");

        // The chart: one marker per recorded price, in time order, at the written values and the API's times.
        foreach (var (component, values) in new[] { ("input", new[] { "1", "7" }), ("output", new[] { "2", "9" }) })
        {
            var points = page.Locator($"#history svg circle.point.{component}");
            await Assertions.Expect(points).ToHaveCountAsync(2);
            Assert.Equal(values, await points.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.price)"));
            var times = await points.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.at)");
            Assert.Equal(history.EnumerateArray().Select(i => DateTimeOffset.Parse(i.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                times.Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)));
        }
        await Assertions.Expect(page.Locator("#history svg path.input")).ToHaveAttributeAsync("d", new System.Text.RegularExpressions.Regex("^M[^M]*H[^M]*V[^M]*H[^M]*$"));
        await Assertions.Expect(page.Locator("#price-history tbody tr td:nth-child(3)")).ToHaveTextAsync(["$1.00", "$7.00"]);
        await Assertions.Expect(page.Locator("#price-history tbody tr td:nth-child(4)")).ToHaveTextAsync(["$2.00", "$9.00"]);

        // Recent changes: the repricing's rows name the field with its old and new value.
        foreach (var (field, old, now) in new[] { ("pricing.tokens.input", "1", "7"), ("pricing.tokens.output", "2", "9") })
        {
            var row = page.Locator("#changes table.changes tbody tr", new() { Has = page.Locator("td:nth-child(3) code", new() { HasTextString = field }) });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(old);
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(now);
            await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync($"generation {web.HistoryGenerations[1]}");
        }
        await Assertions.Expect(page.Locator("#history [role=alert], #changes [role=alert]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_model_pages_recent_changes_show_the_newest_change_first_as_the_API_lists_them_newest_first()
    {
        // The fixture added zz-web-history/m, then repriced it: newest first, the repricing leads and the addition ends.
        const string provider = WebSilo.HistoryProvider;
        var items = (await web.GetJsonAsync($"api/v1/changes?provider={provider}&model=m&limit=20&order=desc")).GetProperty("items");
        var expected = items.EnumerateArray().Select(i => $"generation {i.GetProperty("generation").GetInt64()}").ToArray();
        Assert.Equal($"generation {web.HistoryGenerations[1]}", expected[0]);
        Assert.Equal($"generation {web.HistoryGenerations[0]}", expected[^1]);
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + $"?view=model&id={provider}/m");
        await Assertions.Expect(page.Locator("#changes table.changes tbody tr td:first-child .sub")).ToHaveTextAsync(expected);
        Assert.Contains(web.Requests, url => url.Contains($"provider={provider}&model=m&limit=20&order=desc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_price_chart_draws_one_step_line_per_price_component()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=model&id=openai/gpt-4o");
        await Assertions.Expect(page.Locator("#definition")).ToBeVisibleAsync();
        // The chart is a pure function of the history items: fed two prices, it draws a step for each component.
        var svg = await page.EvaluateAsync<string>("""
            async () => (await import('./model.js')).chart([
              { at: '2026-01-01T00:00:00Z', pricing: { tokens: { input: 2, output: 8 } } },
              { at: '2026-03-01T00:00:00Z', pricing: { tokens: { input: 1, output: 4 } } }])
            """);
        Assert.Contains("class=\"input\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"output\"", svg, StringComparison.Ordinal);
        Assert.Contains("V", svg, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compare_page_shows_each_models_values_and_highlights_the_rows_that_differ()
    {
        var claude = await web.GetJsonAsync("api/v1/models/anthropic/claude-sonnet-4-5");
        var claudeContext = claude.GetProperty("offering").GetProperty("limits").GetProperty("context_window").GetInt64();
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=compare&id=openai/gpt-4o&id=anthropic/claude-sonnet-4-5");
        var table = page.Locator("#compare");
        await Assertions.Expect(table.Locator("thead th[data-model-id]")).ToHaveCountAsync(2);
        var input = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = "Input $/1M" }) });
        await Assertions.Expect(input.Locator("td")).ToHaveTextAsync(["$2.50", "$3.00"]);
        await Assertions.Expect(input).ToHaveClassAsync("differs");
        var context = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = "Context window" }) });
        await Assertions.Expect(context.Locator("td")).ToHaveTextAsync(["128,000", claudeContext.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]);
        // Both take text input: a row that agrees is not highlighted.
        var text = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = "Output modalities" }) });
        await Assertions.Expect(text).Not.ToHaveClassAsync("differs");
    }

    [Fact]
    public async Task Models_picked_on_the_browse_page_open_side_by_side_on_the_compare_page()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?provider=openai&q=gpt-4o");
        await page.GetByLabel("Compare GPT-4o (openai/gpt-4o)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Compare GPT-4o mini (openai/gpt-4o-mini)", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare selected (2)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#compare thead th[data-model-id]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#compare thead th[data-model-id='openai/gpt-4o-mini']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_providers_page_lists_every_provider_with_its_model_count_and_key_variable_but_no_key()
    {
        var providers = await web.GetJsonAsync("api/v1/providers");
        var count = (await web.GetJsonAsync("api/v1/models?provider=openai&limit=1")).GetProperty("total").GetInt32();
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=providers");
        await Assertions.Expect(page.Locator("#providers tbody tr")).ToHaveCountAsync(providers.GetProperty("items").GetArrayLength());
        var openai = page.Locator("#providers tr[data-provider-id=openai] td");
        await Assertions.Expect(openai.Nth(1)).ToHaveTextAsync(count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(openai.Nth(2)).ToHaveTextAsync("OPENAI_API_KEY");
        await Assertions.Expect(openai.Nth(3)).ToContainTextAsync("never synced");
        await Assertions.Expect(openai.Nth(4)).ToHaveTextAsync("not scheduled");
        await Assertions.Expect(openai.Nth(5)).ToHaveTextAsync("none");
        Assert.DoesNotContain(web.ApiKey, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_provider_shows_its_next_sync_time_on_the_providers_page_as_the_API_gives_it()
    {
        // The fixture's own provider (no other page test reads its schedule), scheduled through the API with the key.
        const string provider = WebSilo.HistoryProvider;
        using var keyed = new HttpClient { BaseAddress = web.Root };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", web.ApiKey);
        using (var scheduled = await keyed.PutAsync($"api/v1/providers/{provider}/sync/schedule",
            new StringContent("""{"interval":"06:00:00"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.True(scheduled.IsSuccessStatusCode, $"{(int)scheduled.StatusCode} {await scheduled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
        try
        {
            var item = (await web.GetJsonAsync("api/v1/overview/providers")).GetProperty("items").EnumerateArray()
                .Single(p => p.GetProperty("id").GetString() == provider);
            var next = item.GetProperty("next_sync").GetString()!;
            var at = DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(at, DateTimeOffset.UtcNow.AddHours(5), DateTimeOffset.UtcNow.AddHours(7));

            var page = await web.NewPageAsync();
            await page.GotoAsync(web.Root + "?view=providers");
            var cells = page.Locator($"#providers tr[data-provider-id={provider}] td");
            await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync("every 06:00:00");
            var time = cells.Nth(5).Locator("time");
            await Assertions.Expect(time).ToHaveAttributeAsync("datetime", next);
            await Assertions.Expect(time).ToHaveTextAsync(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
        }
        finally
        {
            using var removed = await keyed.DeleteAsync($"api/v1/providers/{provider}/sync/schedule", TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_changes_page_shows_the_change_log_or_says_it_is_not_available()
    {
        using var answer = await web.Http.GetAsync("api/v1/changes?limit=50", TestContext.Current.CancellationToken);
        var page = await web.NewPageAsync();
        await page.GotoAsync(web.Root + "?view=changes");
        var expected = answer.StatusCode == System.Net.HttpStatusCode.NotFound ? "#log p.notice" : "#log table.changes, #log p.muted";
        await Assertions.Expect(page.Locator(expected).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#log [role=alert]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task No_page_asks_anything_of_a_host_other_than_the_silo()
    {
        var page = await web.NewPageAsync();
        foreach (var view in new[] { "", "?view=model&id=openai/gpt-4o", "?view=compare&id=openai/gpt-4o&id=openai/gpt-4o-mini", "?view=providers", "?view=changes", "?view=admin" })
        {
            await page.GotoAsync(web.Root + view);
            // Every request a page makes is made once its content is drawn (the event stream stays open).
            await Assertions.Expect(page.Locator("main p.muted", new() { HasTextString = "Loading" })).ToHaveCountAsync(0);
        }
        var outside = web.Requests.Where(url => !url.StartsWith(web.Root.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Empty(outside);
        Assert.Contains(web.Requests, url => url.Contains("/api/v1/models", StringComparison.Ordinal));
    }
}
