using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class SourceFetcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fetches_both_sources_concurrently()
    {
        await using var h = await Harness.StartAsync();
        var slow = TimeSpan.FromSeconds(1);
        h.Server
            .Map("/v1/models", ReplayResponse.File(Fixture("openai", "models.json")) with { Delay = slow })
            .Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")) with { Delay = slow });
        h.Environment["OPENAI_API_KEY"] = "sk-x";

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest(), Ct);

        Assert.Equal([SourceIds.ProviderApi, SourceIds.ModelsDev], result.Reports.Select(r => r.Source));
        Assert.All(result.Reports, r => Assert.Equal(SourceStatus.Ok, r.Status));
        Assert.Equal(4, result.Report(SourceIds.ProviderApi)!.Models);
        Assert.Equal(3, result.Report(SourceIds.ModelsDev)!.Models);
        Assert.Equal(2, result.Observations.Count);
        Assert.True(result.Observation(SourceIds.ProviderApi)!.IsCompleteList);
        Assert.False(result.Observation(SourceIds.ModelsDev)!.IsCompleteList);
        Assert.All(result.Reports, r => Assert.True(r.Duration >= slow - TimeSpan.FromMilliseconds(50)));
        // Both requests reached the server before either was answered: they ran side by side.
        var arrivals = h.Server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] < slow, $"second request came {arrivals[1] - arrivals[0]} after the first");
    }

    [Fact]
    public async Task A_failing_source_does_not_stop_the_other()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Server
            .Map("/v1/models", ReplayResponse.WithStatus(500, "boom"))
            .Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));
        h.Environment["OPENAI_API_KEY"] = "sk-x";

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest(), Ct);

        var api = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, api.Status);
        Assert.Contains("HTTP 500", api.Error);
        Assert.Equal(h.Server.Url("/v1/models"), api.Location);
        Assert.Equal(SourceStatus.Ok, result.Report(SourceIds.ModelsDev)!.Status);
        Assert.Equal(SourceIds.ModelsDev, Assert.Single(result.Observations).Source);
    }

    [Fact]
    public async Task Missing_key_is_a_skip_with_the_reason_and_models_dev_still_runs()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest(), Ct);

        Assert.Equal(new SourceReport { Source = SourceIds.ProviderApi, Status = SourceStatus.Skipped, Error = "OPENAI_API_KEY is not set", Location = h.Server.Url("/v1/models"), Duration = result.Report(SourceIds.ProviderApi)!.Duration }, result.Report(SourceIds.ProviderApi));
        Assert.Equal(SourceStatus.Ok, result.Report(SourceIds.ModelsDev)!.Status);
        Assert.True(result.Key.Blocks);
    }

    [Fact]
    public async Task The_deadline_fails_a_slow_source_and_keeps_the_fast_one()
    {
        await using var h = await Harness.StartAsync(o => o.Deadline = TimeSpan.FromSeconds(2));
        h.Server
            .Map("/v1/models", ReplayResponse.Json("""{"data":[]}""") with { Delay = TimeSpan.FromSeconds(30) })
            .Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));
        h.Environment["OPENAI_API_KEY"] = "sk-x";

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest(), Ct);

        var api = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, api.Status);
        Assert.Contains("did not finish within the 2 s deadline", api.Error);
        Assert.Equal(SourceStatus.Ok, result.Report(SourceIds.ModelsDev)!.Status);
    }

    [Fact]
    public async Task The_request_selects_sources_and_unknown_ones_are_reported_skipped()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest { Sources = [SourceIds.ModelsDev, SourceIds.Local] }, Ct);

        Assert.Equal([SourceIds.ModelsDev, SourceIds.Local], result.Reports.Select(r => r.Source));
        Assert.Equal(SourceStatus.Skipped, result.Report(SourceIds.Local)!.Status);
        Assert.DoesNotContain(h.Server.Requests, r => r.Path == "/v1/models");
    }

    [Fact]
    public async Task Unsupported_endpoint_types_and_missing_endpoints_are_skipped()
    {
        await using var h = await Harness.StartAsync();
        var ollama = new Provider
        {
            Id = "ollama",
            Name = "Ollama",
            Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.Ollama, Url = h.Server.Url("/api/tags") } },
        };

        var unsupported = await h.Api.FetchAsync(ollama, Ct);
        var none = await h.Api.FetchAsync(new Provider { Id = "x", Name = "X" }, Ct);

        Assert.Equal("catalog endpoint type Ollama is not supported", unsupported.SkipReason);
        Assert.Equal("no catalog endpoint is configured", none.SkipReason);
    }

    [Fact]
    public async Task Caller_cancellation_cancels_the_whole_fetch()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.Json("{}") with { Delay = TimeSpan.FromSeconds(30) });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest { Sources = [SourceIds.ModelsDev] }, cancel.Token));
    }
}
