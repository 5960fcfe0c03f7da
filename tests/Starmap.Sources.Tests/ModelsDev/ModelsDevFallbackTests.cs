using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests.ModelsDev;

/// <summary>When a models.dev refresh fails: the cached snapshot is used only while young enough, and the sync is told how old it is.</summary>
public sealed class ModelsDevFallbackTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static readonly SyncRequest ModelsDevOnly = new() { Sources = [SourceIds.ModelsDev] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReplayResponse Html => new() { Body = "<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head></html>", ContentType = "text/html" };

    public static TheoryData<string, string> Failures => new()
    {
        { "html", "models.dev answered HTML, not JSON" },
        { "cut-off", "response cut off" },
        { "500", "HTTP 500" },
    };

    private static ReplayResponse Failure(string kind) => kind switch
    {
        "html" => Html,
        "cut-off" => ReplayResponse.File(Fixture("models.dev", "api.json")) with { TruncateAfterBytes = 500 },
        _ => ReplayResponse.WithStatus(500, "down"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_refresh_uses_the_cached_snapshot_and_the_fetch_result_says_how_old_it_is(string kind, string reason)
    {
        var clock = new ManualClock(Start);
        await using var h = await Harness.StartAsync(o =>
        {
            o.ModelsDevCacheDuration = TimeSpan.FromHours(1);
            o.MaxRetries = 0;
        }, clock);
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")), Failure(kind));

        var fresh = await h.Fetcher.FetchAsync(OpenAI(h.Server), ModelsDevOnly, Ct);
        clock.Advance(TimeSpan.FromHours(3));
        var fallback = await h.Fetcher.FetchAsync(OpenAI(h.Server), ModelsDevOnly, Ct);

        Assert.Empty(fresh.Warnings);
        Assert.Equal(SourceStatus.Ok, fallback.Report(SourceIds.ModelsDev)!.Status);
        Assert.Equal(Start, fallback.Observation(SourceIds.ModelsDev)!.ObservedAt);
        var warning = Assert.Single(fallback.Warnings);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
        Assert.Contains($"used the snapshot read at {Start:O} (3.0 hours old)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_snapshot_older_than_the_configured_age_is_refused_and_models_dev_fails()
    {
        var clock = new ManualClock(Start);
        await using var h = await Harness.StartAsync(o =>
        {
            o.ModelsDevCacheDuration = TimeSpan.FromHours(1);
            o.MaxModelsDevSnapshotAge = TimeSpan.FromDays(2);
            o.MaxRetries = 0;
        }, clock);
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")), Html);

        await h.Fetcher.FetchAsync(OpenAI(h.Server), ModelsDevOnly, Ct);
        clock.Advance(TimeSpan.FromDays(1));
        var young = await h.Fetcher.FetchAsync(OpenAI(h.Server), ModelsDevOnly, Ct);
        clock.Advance(TimeSpan.FromDays(2));
        var old = await h.Fetcher.FetchAsync(OpenAI(h.Server), ModelsDevOnly, Ct);

        Assert.Equal(SourceStatus.Ok, young.Report(SourceIds.ModelsDev)!.Status);
        Assert.Contains("(1.0 days old)", Assert.Single(young.Warnings), StringComparison.Ordinal);
        var refused = old.Report(SourceIds.ModelsDev)!;
        Assert.Equal(SourceStatus.Failed, refused.Status);
        Assert.Null(old.Observation(SourceIds.ModelsDev));
        Assert.Contains("models.dev answered HTML, not JSON", refused.Error, StringComparison.Ordinal);
        Assert.Contains("(3.0 days ago), is older than Starmap:Sources:MaxModelsDevSnapshotAge (2.0 days)", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_with_an_html_body_says_models_dev_answered_html()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Server.Map("/models.dev/api.json", Html);

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.ModelsDev.FetchAsync(OpenAI(h.Server), Ct));

        Assert.StartsWith("models.dev: GET " + h.Server.Url("/models.dev/api.json"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("models.dev answered HTML, not JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'<!DOCTYPE html> <html>", ex.Message, StringComparison.Ordinal);
    }
}
