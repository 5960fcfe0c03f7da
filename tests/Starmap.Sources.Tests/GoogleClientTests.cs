using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class GoogleClientTests
{
    private static async Task<Harness> StartAsync()
    {
        var h = await Harness.StartAsync(o => o.PageSize = 2);
        h.Server
            .Map("/v1beta/models", ReplayResponse.File(Fixture("google", "page1.json")))
            .Map("/v1beta/models?pageToken=Cg9nZW1pbmktMi4wLWZsYXNo", ReplayResponse.File(Fixture("google", "page2.json")));
        h.Environment["GEMINI_API_KEY"] = "AIza-test-google";
        return h;
    }

    [Fact]
    public async Task Follows_next_page_token_and_sends_the_key_header_from_the_second_variable()
    {
        await using var h = await StartAsync();

        var observation = await h.ObserveAsync(Google(h.Server));

        Assert.Equal(["gemini-2.0-flash", "gemini-2.5-pro", "gemini-embedding-001"], observation.Models.Select(m => m.ModelId));
        var requests = h.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("2", requests[0].Query["pageSize"]);
        Assert.False(requests[0].Query.ContainsKey("pageToken"));
        Assert.Equal("Cg9nZW1pbmktMi4wLWZsYXNo", requests[1].Query["pageToken"]);
        Assert.All(requests, r => Assert.Equal("AIza-test-google", r.Header("x-goog-api-key")));
        Assert.Equal("GEMINI_API_KEY", h.Keys.GetStatus(Google(h.Server)).EnvVar);
    }

    [Fact]
    public async Task Maps_limits_methods_and_sampling_defaults()
    {
        await using var h = await StartAsync();

        var observation = await h.ObserveAsync(Google(h.Server));

        var pro = observation.Model("gemini-2.5-pro");
        Assert.Equal("Gemini 2.5 Pro", pro.Offering.Name);
        Assert.Equal(1_048_576, pro.Offering.Limits!.ContextWindow);
        Assert.Equal(65_536, pro.Offering.Limits.OutputTokens);
        var flags = pro.Offering.Features!.Flags;
        Assert.True(flags[Feature.Temperature]);
        Assert.True(flags[Feature.Streaming]);
        Assert.True(flags[Feature.Reasoning]);
        Assert.True(flags[Feature.TopK]);
        Assert.Equal([Modality.Text], pro.Offering.Features.OutputModalities!.Value);
        Assert.Equal("google/gemini-2.5-pro", pro.Definition!.Id);
        Assert.Equal("Stable release of Gemini 2.5 Pro", pro.Definition.Description);
        Assert.Equal(new FloatRange { Default = 1, Max = 2 }, pro.Definition.Generation!.Temperature);
        Assert.Equal(64, pro.Definition.Generation.TopK!.Default);

        Assert.Null(observation.Model("gemini-2.0-flash").Offering.Features!.Flags[Feature.Reasoning]);

        var embedding = observation.Model("gemini-embedding-001").Offering;
        Assert.Equal([Modality.Embedding], embedding.Features!.OutputModalities!.Value);
        Assert.Null(embedding.Features.Flags[Feature.Streaming]);
    }
}
