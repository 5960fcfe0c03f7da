using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class AnthropicClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Harness> StartAsync()
    {
        var h = await Harness.StartAsync(o => o.PageSize = 2);
        h.Server
            .Map("/v1/models", ReplayResponse.File(Fixture("anthropic", "page1.json")))
            .Map("/v1/models?after_id=claude-haiku-4-5-20251001", ReplayResponse.File(Fixture("anthropic", "page2.json")));
        h.Environment["ANTHROPIC_API_KEY"] = "sk-ant-test";
        return h;
    }

    [Fact]
    public async Task Follows_pages_with_after_id_and_sends_key_and_version_headers()
    {
        await using var h = await StartAsync();

        var observation = await h.ObserveAsync(Anthropic(h.Server));

        Assert.Equal(["claude-3-haiku-20240307", "claude-haiku-4-5-20251001", "claude-opus-5"], observation.Models.Select(m => m.ModelId));
        var requests = h.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("2", requests[0].Query["limit"]);
        Assert.False(requests[0].Query.ContainsKey("after_id"));
        Assert.Equal("claude-haiku-4-5-20251001", requests[1].Query["after_id"]);
        Assert.Equal("2", requests[1].Query["limit"]);
        Assert.All(requests, r =>
        {
            Assert.Equal("sk-ant-test", r.Header("x-api-key"));
            Assert.Equal("2023-06-01", r.Header("anthropic-version"));
            Assert.Null(r.Header("Authorization"));
        });
    }

    [Fact]
    public async Task Maps_names_dates_limits_and_capabilities()
    {
        await using var h = await StartAsync();

        var observation = await h.ObserveAsync(Anthropic(h.Server));

        var opus = observation.Model("claude-opus-5");
        Assert.Equal("Claude Opus 5", opus.Offering.Name);
        Assert.Equal(new ModelLimits { ContextWindow = 1_000_000, InputTokens = 1_000_000, OutputTokens = 128_000 }, opus.Offering.Limits);
        Assert.Equal(["anthropic"], opus.Offering.AuthorIds);
        var definition = opus.Definition!;
        Assert.Equal("anthropic/claude-opus-5", definition.Id);
        Assert.Equal("Claude Opus 5", definition.Name);
        Assert.Equal(new DateOnly(2026, 7, 24), definition.Metadata!.ReleaseDate);
        var features = opus.Offering.Features!;
        Assert.Equal([Modality.Text, Modality.Image, Modality.Pdf], features.InputModalities!.Value);
        Assert.Equal([Modality.Text], features.OutputModalities!.Value);
        Assert.True(features.Flags[Feature.Reasoning]);
        Assert.True(features.Flags[Feature.StructuredOutputs]);
        Assert.True(features.Flags[Feature.ReasoningEffort]);
        Assert.Null(features.Flags[Feature.Tools]);      // the API does not say
        Assert.Equal([ControlLevel.Low, ControlLevel.Medium, ControlLevel.High, ControlLevel.Maximum], definition.Reasoning!.Levels);
        Assert.Equal(features, definition.Features);

        var haiku = observation.Model("claude-haiku-4-5-20251001").Offering.Features!;
        Assert.False(haiku.Flags[Feature.ReasoningEffort]);
        Assert.Equal([Modality.Text, Modality.Image], haiku.InputModalities!.Value);

        var old = observation.Model("claude-3-haiku-20240307");
        Assert.Null(old.Offering.Limits);
        Assert.Null(old.Offering.Features);   // no capabilities tree: nothing claimed
    }

    [Fact]
    public async Task More_pages_without_a_last_id_fail_rather_than_report_a_partial_list()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[{"id":"a"}],"has_more":true}"""));
        h.Environment["ANTHROPIC_API_KEY"] = "sk-ant-x";

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(Anthropic(h.Server), Ct));

        Assert.Contains("last_id is missing", ex.Message);
    }

    [Fact]
    public async Task A_list_that_never_ends_fails_after_the_page_cap()
    {
        await using var h = await Harness.StartAsync(o => o.MaxPages = 3);
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[{"id":"a"}],"has_more":true,"last_id":"a"}"""));
        h.Environment["ANTHROPIC_API_KEY"] = "sk-ant-x";

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(Anthropic(h.Server), Ct));

        Assert.Contains("did not end after 3 pages", ex.Message);
        Assert.Equal(3, h.Server.Requests.Count);
    }
}
