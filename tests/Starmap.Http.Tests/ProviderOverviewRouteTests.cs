using System.Net.Http.Json;

namespace Starmap.Http.Tests;

/// <summary>GET /api/v1/overview/providers: the web catalog's Providers page in one answer.</summary>
public sealed class ProviderOverviewRouteTests(HttpSilo shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_overview_lists_every_provider_with_its_model_count_and_key_variable_names()
    {
        using var http = shared.Client();
        var overview = await http.JsonAsync("/api/v1/overview/providers");
        var providers = await http.JsonAsync("/api/v1/providers");
        var items = overview["items"]!.AsArray();
        Assert.Equal(providers["items"]!.AsArray().Select(p => (string?)p!["id"]), items.Select(p => (string?)p!["id"]));
        foreach (var id in new[] { "openai", "groq" })
        {
            var item = items.Single(p => (string?)p!["id"] == id)!;
            var models = await http.JsonAsync($"/api/v1/providers/{id}/models?limit=1");
            Assert.Equal((int)models["total"]!, (int)item["model_count"]!);
        }
        var openai = items.Single(p => (string?)p!["id"] == "openai")!;
        Assert.Contains("OPENAI_API_KEY", openai["key_variables"]!.AsArray().Select(v => (string?)v));
        // Names only: the silo's own key never appears.
        Assert.DoesNotContain(HttpSilo.ApiKey, overview.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_provider_shows_when_its_reminder_next_fires_before_and_after_a_sync()
    {
        using var http = shared.Client(HttpSilo.ApiKey);
        const string id = "mistral";
        var before = DateTimeOffset.UtcNow;
        using (var schedule = await http.PutAsJsonAsync($"/api/v1/providers/{id}/sync/schedule", new { interval = "06:00:00" }, Cancel))
        {
            schedule.EnsureSuccessStatusCode();
        }
        var after = DateTimeOffset.UtcNow;
        try
        {
            // No sync has run yet, and the reminder is already due one interval after it was set: the
            // schedule route and the overview both say when.
            var nextRun = Time((await http.JsonAsync($"/api/v1/providers/{id}/sync/schedule"))["next_run"]);
            Assert.InRange(nextRun, before.AddHours(6).AddSeconds(-1), after.AddHours(6).AddSeconds(1));
            var item = await OverviewOfAsync(http, id);
            Assert.True((bool)item["schedule_enabled"]!);
            Assert.Equal("06:00:00", (string?)item["schedule_interval"]);
            Assert.Equal(nextRun, Time(item["next_sync"]));

            // models.dev is a closed loopback port here: the sync fails at once, and its outcome is recorded.
            // A sync now does not move the reminder: the next run stays where the reminder is due.
            using (var sync = await http.PostAsync($"/api/v1/providers/{id}/sync?source=models.dev", null, Cancel))
            {
                Assert.True(sync.IsSuccessStatusCode, $"{(int)sync.StatusCode}");
            }
            item = await OverviewOfAsync(http, id);
            Assert.NotNull(item["last_sync"]);
            Assert.Equal(nextRun, Time(item["next_sync"]));
        }
        finally
        {
            using var removed = await http.DeleteAsync($"/api/v1/providers/{id}/sync/schedule", Cancel);
        }
        var stopped = await OverviewOfAsync(http, id);
        Assert.False((bool)stopped["schedule_enabled"]!);
        Assert.Null(stopped["next_sync"]);
        Assert.Null((await http.JsonAsync($"/api/v1/providers/{id}/sync/schedule"))["next_run"]);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> OverviewOfAsync(HttpClient http, string id) =>
        (await http.JsonAsync("/api/v1/overview/providers"))["items"]!.AsArray().Single(p => (string?)p!["id"] == id)!;

    private static DateTimeOffset Time(System.Text.Json.Nodes.JsonNode? node) =>
        DateTimeOffset.Parse((string?)node ?? throw new Xunit.Sdk.XunitException("no time in the answer"), System.Globalization.CultureInfo.InvariantCulture);
}
