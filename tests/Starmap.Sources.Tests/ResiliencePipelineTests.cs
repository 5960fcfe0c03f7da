using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

/// <summary>
/// The retry rules now that they are the HttpClient's resilience pipeline (Microsoft.Extensions.Http.Resilience):
/// Retry-After honoured and capped, the fetch deadline ending any wait, the retry log line, and the
/// options checked at start with the key named.
/// </summary>
public sealed class ResiliencePipelineTests
{
    private const string OneModel = """{"object":"list","data":[{"id":"gpt-4o","owned_by":"system"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_hour_of_retry_after_seconds_is_capped_at_the_max_retry_delay()
    {
        await using var h = await Harness.StartAsync(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMinutes(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        h.Environment["OPENAI_API_KEY"] = "sk-pipeline";
        h.Server.Map("/v1/models", ReplayResponse.TooManyRequests("3600"), ReplayResponse.Json(OneModel));
        var started = TimeProvider.System.GetTimestamp();

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Single(observation.Models);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Contains(h.Logs.Messages, m => m.Contains("failed (HTTP 429 Too Many Requests); retry 1 of 3 in 50 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_doubles_from_the_base_delay()
    {
        await using var h = await Harness.StartAsync(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(40));
        h.Environment["OPENAI_API_KEY"] = "sk-pipeline";
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(503), ReplayResponse.WithStatus(500), ReplayResponse.Json(OneModel));

        await h.ObserveAsync(OpenAI(h.Server));

        var retries = h.Logs.Messages.Where(m => m.Contains("; retry ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("retry 1 of 3 in 40 ms", retries[0]);
        Assert.Contains("retry 2 of 3 in 80 ms", retries[1]);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_deadline_ends_the_fetch_at_the_deadline()
    {
        await using var h = await Harness.StartAsync(o =>
        {
            o.Deadline = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromMinutes(10);
        });
        h.Environment["OPENAI_API_KEY"] = "sk-pipeline";
        h.Server.Map("/v1/models", ReplayResponse.TooManyRequests("600"), ReplayResponse.Json(OneModel));
        var started = TimeProvider.System.GetTimestamp();

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var report = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Contains("did not finish within the 1 s deadline", report.Error);
        Assert.Single(h.Server.Requests);   // the 10-minute wait was cut short, no second request
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task No_retries_configured_means_one_attempt_and_the_plain_reason()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Environment["OPENAI_API_KEY"] = "sk-pipeline";
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(503, "busy"));

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Single(h.Server.Requests);
        Assert.EndsWith("HTTP 503 Service Unavailable: busy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_source_options_fail_at_first_use_naming_each_key()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddStarmapSources(o =>
            {
                o.RequestTimeout = TimeSpan.FromMilliseconds(1);
                o.MaxRetries = -1;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);

        Assert.Contains("Starmap:Sources:RequestTimeout must be from 00:00:00.010 to 1.00:00:00, not 00:00:00.0010000", ex.Failures);
        Assert.Contains("Starmap:Sources:MaxRetries must be 0 or more, not -1", ex.Failures);
    }

    [Fact]
    public async Task Bad_source_options_stop_a_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStarmapSources(o => o.PageSize = 0);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Starmap:Sources:PageSize must be positive, not 0", ex.Message);
    }
}
