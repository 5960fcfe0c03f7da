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
    public async Task A_scheduled_provider_shows_its_last_sync_and_when_the_next_one_is_due()
    {
        using var http = shared.Client(HttpSilo.ApiKey);
        const string id = "mistral";
        using (var schedule = await http.PutAsJsonAsync($"/api/v1/providers/{id}/sync/schedule", new { interval = "06:00:00" }, Cancel))
        {
            schedule.EnsureSuccessStatusCode();
        }
        try
        {
            // models.dev is a closed loopback port here: the sync fails at once, and its outcome is recorded.
            using (var sync = await http.PostAsync($"/api/v1/providers/{id}/sync?source=models.dev", null, Cancel))
            {
                Assert.True(sync.IsSuccessStatusCode, $"{(int)sync.StatusCode}");
            }
            var item = (await http.JsonAsync("/api/v1/overview/providers"))["items"]!.AsArray().Single(p => (string?)p!["id"] == id)!;
            Assert.True((bool)item["schedule_enabled"]!);
            Assert.Equal("06:00:00", (string?)item["schedule_interval"]);
            var started = DateTimeOffset.Parse((string)item["last_sync"]!["started_at"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(started.AddHours(6), DateTimeOffset.Parse((string)item["next_sync"]!, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            using var removed = await http.DeleteAsync($"/api/v1/providers/{id}/sync/schedule", Cancel);
        }
        var after = (await http.JsonAsync("/api/v1/overview/providers"))["items"]!.AsArray().Single(p => (string?)p!["id"] == id)!;
        Assert.False((bool)after["schedule_enabled"]!);
        Assert.Null(after["next_sync"]);
    }
}
