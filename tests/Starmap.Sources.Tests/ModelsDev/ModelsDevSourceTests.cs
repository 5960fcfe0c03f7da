using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests.ModelsDev;

public sealed class ModelsDevSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Downloads_once_and_shares_the_snapshot_across_providers()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")) with { Delay = TimeSpan.FromMilliseconds(200) });

        // Concurrent callers wait for the one download in flight.
        var outcomes = await Task.WhenAll(
            h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct),
            h.ModelsDev.FetchAsync(Google(h.Server), Ct),
            h.ModelsDev.FetchAsync(OpenRouter(h.Server), Ct));

        Assert.Single(h.Server.Requests);
        Assert.Equal(1, h.ModelsDev.Downloads);
        Assert.Equal([3, 1, 1], outcomes.Select(o => o.Observation!.Models.Count));
        Assert.All(outcomes, o => Assert.Equal(h.Server.Url("/models.dev/api.json"), o.Location));
    }

    [Fact]
    public async Task Refreshes_after_the_cache_duration_and_falls_back_to_the_stale_snapshot()
    {
        var clock = new ManualClock(Start);
        await using var h = await Harness.StartAsync(o =>
        {
            o.ModelsDevCacheDuration = TimeSpan.FromHours(1);
            o.MaxRetries = 0;
        }, clock);
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")), ReplayResponse.WithStatus(500, "down"));

        var first = await h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct);
        clock.Advance(TimeSpan.FromMinutes(59));
        var cached = await h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        var stale = await h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct);

        Assert.Equal(2, h.Server.Requests.Count);   // first download, then one refresh attempt after an hour
        Assert.Equal(Start, first.Observation!.ObservedAt);
        Assert.Equal(first.Observation, cached.Observation);
        Assert.Equal(3, stale.Observation!.Models.Count);
        Assert.Equal(Start, stale.Observation.ObservedAt);   // says how old the data is
        Assert.Contains(stale.Observation.Warnings, w => w.Contains("HTTP 500") && w.Contains("used the snapshot read at"));
    }

    [Fact]
    public async Task A_failed_download_stands_for_the_retry_interval_then_models_dev_is_asked_again()
    {
        var clock = new ManualClock(Start);
        await using var h = await Harness.StartAsync(o =>
        {
            o.MaxRetries = 0;
            o.ModelsDevRetryAfterFailure = TimeSpan.FromMinutes(5);
        }, clock);
        h.Server.Map("/models.dev/api.json", ReplayResponse.WithStatus(503, "down"), ReplayResponse.File(Fixture("models.dev", "api.json")));

        var first = await Assert.ThrowsAsync<SourceException>(() => h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct));
        clock.Advance(TimeSpan.FromMinutes(4));
        var again = await Assert.ThrowsAsync<SourceException>(() => h.ModelsDev.FetchAsync(Google(h.Server), Ct));
        Assert.Single(h.Server.Requests);                       // the second provider reused the failure
        Assert.Contains("503", again.Message, StringComparison.Ordinal);
        Assert.Contains("asked again after", again.Message, StringComparison.Ordinal);
        Assert.Equal(first.Location, again.Location);

        clock.Advance(TimeSpan.FromMinutes(2));
        var recovered = await h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Equal(3, recovered.Observation!.Models.Count);
    }

    [Fact]
    public async Task A_provider_models_dev_does_not_list_is_skipped()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));
        var provider = new Provider { Id = "hetzner", Name = "Hetzner", Aliases = ["hetzner-cloud"] };

        var outcome = await h.ModelsDev.FetchAsync(provider, Ct);

        Assert.Equal("models.dev lists no provider named hetzner, hetzner-cloud", outcome.SkipReason);
    }

    [Fact]
    public async Task An_invalid_snapshot_fails_naming_models_dev_and_the_url()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.Json("[1,2,3]"));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct));

        Assert.StartsWith("models.dev: GET " + h.Server.Url("/models.dev/api.json"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("must be an object of providers", ex.Message);
    }

    [Fact]
    public async Task The_models_dev_size_cap_applies()
    {
        await using var h = await Harness.StartAsync(o => o.MaxModelsDevResponseBytes = 2000);
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("exceeds the 2000-byte limit", ex.Message);
    }
}
