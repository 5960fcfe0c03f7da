namespace Starmap.Http.Tests;

/// <summary>Prometheus metrics beside the API (the dashboard, off by default, is tested on a silo of its own).</summary>
public sealed class OperationsTests(HttpSilo shared)
{
    private readonly HttpClient _http = shared.Client();

    [Fact]
    public async Task Metrics_expose_the_catalog_the_silo_serves_and_orleans_itself()
    {
        var text = await _http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        var generation = text.Split('\n').FirstOrDefault(l => l.StartsWith("starmap_catalog_generation", StringComparison.Ordinal));
        Assert.NotNull(generation);
        Assert.True(long.Parse(generation.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= shared.Generation);
        Assert.Contains("starmap_catalog_models", text, StringComparison.Ordinal);
        Assert.Contains("starmap_sync_cpu_raises", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(HttpSilo.ApiKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_runs_are_counted_by_provider_and_outcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/providers/openai/sync?dry_run=true");
        request.Headers.Add("X-Api-Key", HttpSilo.ApiKey);
        using (var response = await _http.SendAsync(request, TestContext.Current.CancellationToken))
        {
            response.EnsureSuccessStatusCode();
        }
        // The Prometheus exporter caches a scrape for 300 ms, so another test's scrape may still be served:
        // ask again until the run shows, within a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string[] lines;
        do
        {
            lines = (await _http.GetStringAsync("/metrics", TestContext.Current.CancellationToken)).Split('\n');
        }
        while (!lines.Any(IsOpenAISyncRun) && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains(lines, IsOpenAISyncRun);

        static bool IsOpenAISyncRun(string line) =>
            line.StartsWith("starmap_sync_runs", StringComparison.Ordinal) && line.Contains("provider=\"openai\"", StringComparison.Ordinal);
        static async Task<bool> Delay()
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            return true;
        }
    }
}
