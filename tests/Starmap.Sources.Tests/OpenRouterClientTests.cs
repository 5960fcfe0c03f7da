using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class OpenRouterClientTests
{
    [Fact]
    public async Task Converts_per_token_prices_exactly_and_reads_the_model_shape()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/api/v1/models", ReplayResponse.File(Fixture("openrouter", "models.json")));

        // No key set: OpenRouter's list is public, so it runs without one and sends no Authorization.
        var observation = await h.ObserveAsync(OpenRouter(h.Server));

        Assert.Null(h.Server.Requests.Single().Header("Authorization"));
        var gpt4o = observation.Model("openai/gpt-4o");
        var pricing = gpt4o.Offering.Pricing!;
        Assert.Equal("USD", pricing.Currency);
        Assert.Equal(2.5m, pricing.Tokens!.Input);
        Assert.Equal(10m, pricing.Tokens.Output);
        Assert.Equal(1.25m, pricing.Tokens.CacheRead);
        Assert.Equal(0m, pricing.Tokens.Reasoning);   // "0" is free, a known value
        Assert.Null(pricing.Tokens.CacheWrite);       // absent is unknown
        Assert.Equal(0.003613m, pricing.Operations!.ImageInput);   // per image, not per token
        Assert.Equal(0m, pricing.Operations.Request);
        Assert.Equal("2.5", pricing.Tokens.Input!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new ModelLimits { ContextWindow = 128_000, OutputTokens = 16_384 }, gpt4o.Offering.Limits);
        var features = gpt4o.Offering.Features!;
        Assert.Equal([Modality.Text, Modality.Image, Modality.Pdf], features.InputModalities!.Value);
        Assert.True(features.Flags[Feature.Tools]);
        Assert.True(features.Flags[Feature.ToolChoice]);
        Assert.True(features.Flags[Feature.StructuredOutputs]);
        Assert.True(features.Flags[Feature.FormatResponse]);
        Assert.Null(features.Flags[Feature.TopK]);      // not listed is not "unsupported"
        Assert.Equal(["openai"], gpt4o.Offering.AuthorIds);
        Assert.Equal("openai/gpt-4o", gpt4o.Definition!.Id);
        Assert.Equal(new DateOnly(2024, 5, 13), gpt4o.Definition.Metadata!.ReleaseDate);
        Assert.Equal(new DateOnly(2023, 10, 1), gpt4o.Definition.Metadata.KnowledgeCutoff);

        var llama = observation.Model("meta-llama/llama-3.1-8b-instruct");
        Assert.Equal(0.15m, llama.Offering.Pricing!.Tokens!.Input);
        Assert.Equal(0.6m, llama.Offering.Pricing.Tokens.Output);
        Assert.Null(llama.Offering.Limits!.OutputTokens);
        Assert.Equal(["meta"], llama.Offering.AuthorIds);
        Assert.Equal("meta/llama-3.1-8b-instruct", llama.Definition!.Id);
        Assert.Equal(new OfferingLifecycle { Status = LifecycleStatus.Retired, RetiresAt = new DateOnly(2025, 1, 1) }, llama.Offering.Lifecycle);

        var auto = observation.Model("openrouter/auto");
        Assert.Null(auto.Offering.Pricing);          // "-1" means unknown, never 0 or -1,000,000
        Assert.Null(auto.Definition);                // no author for "openrouter/"
        Assert.Equal("Picks a model for you.", auto.Offering.Description);   // its facts stay on the offering all the same
        Assert.Equal(new DateOnly(2024, 5, 13), gpt4o.Offering.Metadata!.ReleaseDate);
        Assert.Equal(new DateOnly(2023, 10, 1), gpt4o.Offering.Metadata.KnowledgeCutoff);
        Assert.Null(auto.Offering.Lifecycle);
    }

    [Fact]
    public async Task Sends_an_optional_key_when_set_and_drops_one_that_fails_the_pattern()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/api/v1/models", ReplayResponse.Json("""{"data":[]}"""));

        h.Environment["OPENROUTER_API_KEY"] = "sk-or-good";
        await h.ObserveAsync(OpenRouter(h.Server));
        h.Environment["OPENROUTER_API_KEY"] = "not-a-router-key";
        var observation = await h.ObserveAsync(OpenRouter(h.Server));

        Assert.Equal("Bearer sk-or-good", h.Server.Requests[0].Header("Authorization"));
        Assert.Null(h.Server.Requests[1].Header("Authorization"));
        Assert.Contains(observation.Warnings, w => w.Contains("OPENROUTER_API_KEY does not match"));
        Assert.DoesNotContain(observation.Warnings, w => w.Contains("not-a-router-key"));
    }
}
