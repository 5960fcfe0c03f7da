using Starmap.Catalog.Seed;
using Starmap.Sources.ModelsDev;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;

namespace Starmap.Sources.Tests;

/// <summary>
/// Replays the recorded real responses in ../shared/fixtures through the clients with the built-in
/// catalog's provider configs. Skipped where the folder is absent (a fresh clone); CI always has it.
/// </summary>
public sealed class SharedFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Provider Seed(string id) => BuiltInCatalog.Load().Providers.Single(p => p.Provider.Id == id).Provider;

    // Hetzner is not in the built-in catalog; this is its config as Starmap describes it (vLLM, OpenAI-compatible).
    private static Provider Hetzner => new()
    {
        Id = "hetzner",
        Name = "Hetzner",
        Auth = new ProviderAuth { ApiKeyEnvVars = ["HETZNER_API_KEY"] },
        Catalog = new ProviderCatalogConfig
        {
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenAI,
                Url = "https://inference.hetzner.com/api/v1/models",
                FieldMappings = [new() { From = "max_model_len", To = "limits.context_window" }],
            },
        },
    };

    // Model counts verified against the recorded files (jq '.data | length').
    [Theory]
    [InlineData("openai", 118)]
    [InlineData("anthropic", 10)]
    [InlineData("groq", 23)]
    [InlineData("cerebras", 9)]
    [InlineData("deepseek", 2)]
    [InlineData("moonshot-ai", 9)]
    [InlineData("hetzner", 2)]
    public async Task Recorded_provider_lists_replay_with_their_model_counts(string providerId, int models)
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var observation = await ReplayAsync(providerId);

        Assert.Equal(models, observation.Models.Count);
        Assert.True(observation.IsCompleteList);
        Assert.Empty(observation.Warnings);
        Assert.All(observation.Models, m => Assert.Equal(providerId, m.Offering.ProviderId));
    }

    [Fact]
    public async Task OpenAI_shutdown_dates_become_retirement_dates()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var observation = await ReplayAsync("openai");

        var turbo = observation.Models.Single(m => m.ModelId == "gpt-3.5-turbo").Offering;
        Assert.Equal(new DateOnly(2026, 10, 23), turbo.Lifecycle!.RetiresAt);
        Assert.Equal(["openai"], turbo.AuthorIds);
        // 44 of the 118 carry a shutdown_date; the rest say null and stay unknown.
        Assert.Equal(44, observation.Models.Count(m => m.Offering.Lifecycle?.RetiresAt is not null));
        Assert.Null(observation.Models.Single(m => m.ModelId == "gpt-4o").Offering.Lifecycle);
        Assert.All(observation.Models, m => Assert.Equal(["openai"], m.Offering.AuthorIds));
    }

    [Fact]
    public async Task Hetzner_max_model_len_becomes_the_context_window()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var observation = await ReplayAsync("hetzner");

        Assert.All(observation.Models, m => Assert.Equal(262_144, m.Offering.Limits!.ContextWindow));
        Assert.Contains(observation.Models, m => m.ModelId == "Qwen/Qwen3.6-35B-A3B-FP8");
    }

    [Fact]
    public async Task Groq_and_anthropic_limits_come_through()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var groq = await ReplayAsync("groq");
        var anthropic = await ReplayAsync("anthropic");

        var llama = groq.Models.Single(m => m.ModelId == "llama-3.3-70b-versatile").Offering;
        Assert.Equal(new ModelLimits { ContextWindow = 131_072, OutputTokens = 32_768 }, llama.Limits);
        Assert.Equal(["meta"], llama.AuthorIds);
        var opus = anthropic.Models.Single(m => m.ModelId == "claude-opus-4-5-20251101");
        Assert.Equal(new ModelLimits { ContextWindow = 200_000, InputTokens = 200_000, OutputTokens = 64_000 }, opus.Offering.Limits);
        Assert.Equal("Claude Opus 4.5", opus.Offering.Name);
        Assert.True(opus.Offering.Features!.Flags[Feature.Reasoning]);
    }

    [Fact]
    public void The_models_dev_snapshot_parses_whole()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var snapshot = ModelsDevParser.Parse(File.ReadAllBytes(SharedFixtures.Path("models.dev", "api.json")));

        Assert.Equal(175, snapshot.Providers.Count);
        Assert.Equal(5_898, snapshot.ModelCount);
        // The snapshot's own slips: impossible dates stay unknown rather than being guessed.
        Assert.Equal(
        [
            "azure-cognitive-services/claude-haiku-4-5: 'knowledge' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-02-31",
            "scaleway/qwen3-embedding-8b: 'release_date' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-25-11",
            "azure/claude-haiku-4-5: 'knowledge' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-02-31",
            "sarvam/sarvam-30b.reasoning_options[0]: 'values' holds null, dropped",
            "sarvam/sarvam-105b.reasoning_options[0]: 'values' holds null, dropped",
        ], snapshot.Warnings);
        var gpt4o = snapshot.Providers["openai"].Models.Single(m => m.Id == "gpt-4o");
        Assert.Equal(2.5m, gpt4o.Cost!.Input);
        Assert.Equal(new DateOnly(2023, 9, 1), gpt4o.Knowledge);
    }

    [Fact]
    public async Task Every_built_in_provider_is_found_in_models_dev_and_maps()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        await using var h = await Harness.StartAsync();
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(SharedFixtures.Path("models.dev", "api.json")));

        // models.dev keys: google (alias of google-ai-studio) and moonshotai (alias of moonshot-ai).
        var expected = new Dictionary<string, int>
        {
            ["anthropic"] = 15, ["cerebras"] = 3, ["deepseek"] = 4, ["google-ai-studio"] = 41, ["groq"] = 15,
            ["mistral"] = 30, ["moonshot-ai"] = 10, ["openai"] = 47, ["openrouter"] = 338,
        };
        // The curated providers of the built-in catalog, each found by its ID or an alias.
        foreach (var (id, count) in expected)
        {
            var observation = (await h.ModelsDev.FetchAsync(Seed(id), Ct)).Observation!;
            Assert.Equal(count, observation.Models.Count);
            Assert.False(observation.IsCompleteList);
        }
        Assert.Equal(1, h.ModelsDev.Downloads);

        var openai = (await h.ModelsDev.FetchAsync(Seed("openai"), Ct)).Observation!;
        var gpt5 = openai.Models.Single(m => m.ModelId == "gpt-5");
        Assert.Equal(new ModelLimits { ContextWindow = 400_000, InputTokens = 272_000, OutputTokens = 128_000 }, gpt5.Offering.Limits);
        Assert.Equal(new DateOnly(2024, 9, 30), gpt5.Definition!.Metadata!.KnowledgeCutoff);
        Assert.Equal([ControlLevel.Minimum, ControlLevel.Low, ControlLevel.Medium, ControlLevel.High], gpt5.Definition.Reasoning!.Levels);
        Assert.False(gpt5.Offering.Features!.Flags[Feature.Temperature]);
        Assert.Equal(LifecycleStatus.Deprecated, openai.Models.Single(m => m.ModelId == "gpt-3.5-turbo").Offering.Lifecycle!.Status);
    }

    private static async Task<SourceObservation> ReplayAsync(string providerId)
    {
        await using var h = await Harness.StartAsync();
        var provider = providerId == "hetzner" ? Hetzner : Seed(providerId);
        var path = new Uri(provider.Catalog!.Endpoint!.Url).AbsolutePath;
        h.Server.Map(path, ReplayResponse.File(SharedFixtures.Path("provider-responses", providerId, "models_list.json")));
        foreach (var name in provider.Auth!.ApiKeyEnvVars)
        {
            h.Environment[name] = provider.Auth.ApiKeyPattern switch
            {
                "^sk-ant-" => "sk-ant-replay",
                "^sk-" => "sk-replay",
                "^gsk_" => "gsk_replay",
                _ => "replay-key",
            };
        }
        return await h.ObserveAsync(TestProviders.PointedAt(provider, h.Server, path));
    }
}
