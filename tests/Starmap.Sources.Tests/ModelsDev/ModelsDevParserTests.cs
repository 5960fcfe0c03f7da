using Starmap.Sources.ModelsDev;
using Starmap.Sources.Tests.Support;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests.ModelsDev;

public sealed class ModelsDevParserTests
{
    private static readonly DateTimeOffset ObservedAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ModelsDevSnapshot Snapshot() => ModelsDevParser.Parse(File.ReadAllText(Fixture("models.dev", "api.json")));

    private static Provider Provider(string id, params string[] aliases) => new()
    {
        Id = id,
        Name = id,
        Aliases = [.. aliases],
        Catalog = new ProviderCatalogConfig { Authors = id == "openai" ? ["openai"] : id == "google-ai-studio" ? ["google"] : default },
    };

    [Fact]
    public void Parses_providers_and_models()
    {
        var snapshot = Snapshot();

        Assert.Equal(["google", "openai", "openrouter"], snapshot.Providers.Keys.Order());
        Assert.Equal(5, snapshot.ModelCount);
        var openai = snapshot.Providers["openai"];
        Assert.Equal(["OPENAI_API_KEY"], openai.Env);
        Assert.Equal("@ai-sdk/openai", openai.Npm);
        Assert.Null(openai.Api);
        Assert.Equal("https://openrouter.ai/api/v1", snapshot.Providers["openrouter"].Api);
        Assert.Equal(["gpt-3.5-turbo", "gpt-4o", "gpt-5.4"], openai.Models.Select(m => m.Id));
    }

    [Fact]
    public void Maps_every_modelled_field_of_an_entry()
    {
        var observation = ModelsDevMapper.ToObservation(Snapshot(), Provider("openai"), ObservedAt, "https://models.dev/api.json")!;

        Assert.Equal(SourceIds.ModelsDev, observation.Source);
        Assert.False(observation.IsCompleteList);
        Assert.Equal(ObservedAt, observation.ObservedAt);
        var gpt4o = observation.Model("gpt-4o");
        var offering = gpt4o.Offering;
        Assert.Equal("GPT-4o", offering.Name);
        Assert.Equal(new TokenPrices { Input = 2.5m, Output = 10m, CacheRead = 1.25m }, offering.Pricing!.Tokens);
        Assert.Equal(new ModelLimits { ContextWindow = 128_000, OutputTokens = 16_384 }, offering.Limits);
        Assert.Null(offering.Lifecycle);                 // no status: not claimed active
        Assert.Equal(Availability.Unknown, offering.Availability);
        Assert.Equal(new DateTimeOffset(2024, 8, 6, 0, 0, 0, TimeSpan.Zero), offering.UpdatedAt);
        var flags = offering.Features!.Flags;
        Assert.True(flags[Feature.Attachments]);
        Assert.False(flags[Feature.Reasoning]);
        Assert.True(flags[Feature.ToolCalls]);
        Assert.True(flags[Feature.StructuredOutputs]);
        Assert.True(flags[Feature.Temperature]);
        Assert.Equal([Modality.Text, Modality.Image, Modality.Pdf], offering.Features.InputModalities!.Value);

        var definition = gpt4o.Definition!;
        Assert.Equal("openai/gpt-4o", definition.Id);
        Assert.Equal("Omni-era GPT", definition.Description);
        Assert.Equal("gpt", definition.Lineage!.Family);
        Assert.Equal(new ModelMetadata { ReleaseDate = new DateOnly(2024, 5, 13), KnowledgeCutoff = new DateOnly(2023, 9, 1), OpenWeights = false }, definition.Metadata);
        Assert.Null(offering.DefinitionId);
    }

    [Fact]
    public void Tiers_reasoning_options_status_and_bad_values()
    {
        var observation = ModelsDevMapper.ToObservation(Snapshot(), Provider("openai"), ObservedAt)!;

        var gpt54 = observation.Model("gpt-5.4");
        var tier = Assert.Single(gpt54.Offering.Pricing!.Tiers);
        Assert.Equal(272_000, tier.ContextThreshold);
        Assert.Equal(new TokenPrices { Input = 5m, Output = 22.5m, CacheRead = 0.5m }, tier.Tokens);
        Assert.Equal(new ModelLimits { ContextWindow = 1_050_000, InputTokens = 922_000, OutputTokens = 128_000 }, gpt54.Offering.Limits);
        Assert.Equal(new DateOnly(2026, 3, 1), gpt54.Definition!.Metadata!.ReleaseDate);   // "2026-03"
        Assert.False(gpt54.Definition.Metadata.OpenWeights);
        Assert.Equal([ControlLevel.Low, ControlLevel.Medium, ControlLevel.High], gpt54.Definition.Reasoning!.Levels);
        Assert.True(gpt54.Offering.Features!.Flags[Feature.ReasoningEffort]);
        Assert.Null(gpt54.Offering.Features.Flags[Feature.Temperature]);   // not stated

        var old = observation.Model("gpt-3.5-turbo");
        Assert.Equal(LifecycleStatus.Deprecated, old.Offering.Lifecycle!.Status);
        Assert.Null(old.Offering.Features!.Flags[Feature.ToolCalls]);     // "yes" is not a boolean
        Assert.Equal(new ModelLimits { ContextWindow = 16_385 }, old.Offering.Limits);   // output 0 is unknown
        Assert.Equal([Modality.Text], old.Offering.Features.InputModalities!.Value);
        Assert.Null(old.Offering.Pricing);
        Assert.Contains(observation.Warnings, w => w.Contains("openai/gpt-3.5-turbo: 'tool_call' is a string"));
        Assert.Contains(observation.Warnings, w => w.Contains("unknown modality 'hologram'"));
    }

    [Fact]
    public void Matches_by_alias_and_reads_the_older_context_over_200k_tier()
    {
        var observation = ModelsDevMapper.ToObservation(Snapshot(), Provider("google-ai-studio", "google"), ObservedAt)!;

        Assert.Equal("google-ai-studio", observation.ProviderId);
        var pro = observation.Model("gemini-2.5-pro");
        var tier = Assert.Single(pro.Offering.Pricing!.Tiers);
        Assert.Equal(200_000, tier.ContextThreshold);
        Assert.Equal(new TokenPrices { Input = 2.5m, Output = 15m, CacheRead = 0.625m }, tier.Tokens);
        Assert.Equal(LifecycleStatus.Beta, pro.Offering.Lifecycle!.Status);
        Assert.Equal(new IntRange { Min = 128, Max = 32_768 }, pro.Definition!.ReasoningTokens);
        Assert.True(pro.Offering.Features!.Flags[Feature.ReasoningTokens]);
        Assert.Equal("google/gemini-2.5-pro", pro.Definition.Id);
    }

    [Fact]
    public void Aggregator_models_get_authors_from_the_id_mapping()
    {
        var provider = new Provider
        {
            Id = "openrouter",
            Name = "OpenRouter",
            Catalog = new ProviderCatalogConfig
            {
                Endpoint = new CatalogEndpoint
                {
                    Type = CatalogEndpointType.OpenRouter,
                    Url = "https://openrouter.ai/api/v1/models",
                    AuthorMapping = new AuthorMapping { Field = "id", Normalized = [new() { Raw = "meta-llama", AuthorId = "meta" }] },
                },
            },
        };

        var llama = ModelsDevMapper.ToObservation(Snapshot(), provider, ObservedAt)!.Model("meta-llama/llama-3.1-8b-instruct");

        Assert.Equal(["meta"], llama.Offering.AuthorIds);
        Assert.Equal("meta/llama-3.1-8b-instruct", llama.Definition!.Id);
        Assert.True(llama.Definition.Metadata!.OpenWeights);
        Assert.Equal(0.15m, llama.Offering.Pricing!.Tokens!.Input);
    }

    [Fact]
    public void Unknown_provider_gives_no_observation() =>
        Assert.Null(ModelsDevMapper.ToObservation(Snapshot(), "cerebras", [], ObservedAt));

    [Theory]
    [InlineData("[]", "must be an object of providers")]
    [InlineData("{\"openai\": ", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    public void Invalid_files_fail(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => ModelsDevParser.Parse(json));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Odd_records_are_skipped_with_warnings()
    {
        var snapshot = ModelsDevParser.Parse("""
            {"a": {"id":"a","models":{"m1":{"name":"M1","limit":{"context":"big"}},"m2":[1,2]}}, "b": 5}
            """);

        Assert.Equal(["a"], snapshot.Providers.Keys);
        Assert.Equal(["m1"], snapshot.Providers["a"].Models.Select(m => m.Id));
        Assert.Null(snapshot.Providers["a"].Models[0].Limit!.Context);
        Assert.Contains(snapshot.Warnings, w => w.Contains("a/m2: model entry is an array"));
        Assert.Contains(snapshot.Warnings, w => w.Contains("b: provider entry is a number"));
        Assert.Contains(snapshot.Warnings, w => w.Contains("a/m1.limit: 'context' is a string"));
    }

    [Fact]
    public void A_name_or_value_escaping_a_lone_surrogate_costs_its_entry_or_field_with_a_warning_not_the_whole_file()
    {
        // "\udc00" is valid JSON but no .NET string: once it failed the whole file, so every provider's models.dev part.
        var snapshot = ModelsDevParser.Parse("""
            {"\udc00":{"id":"x","models":{}},
             "a":{"id":"a","name":"A","models":{"\ud800":{"id":"y"},"m1":{"id":"m1","name":"M\udc00"}}}}
            """);

        Assert.Equal(["a"], snapshot.Providers.Keys);
        Assert.Equal(["m1"], snapshot.Providers["a"].Models.Select(m => m.Id));
        Assert.Null(snapshot.Providers["a"].Models[0].Name);
        Assert.Contains(snapshot.Warnings, w => w.Contains("a provider's ID is not valid text", StringComparison.Ordinal));
        Assert.Contains(snapshot.Warnings, w => w.Contains("a: a model's ID is not valid text", StringComparison.Ordinal));
        Assert.Contains(snapshot.Warnings, w => w.Contains("a/m1: 'name' is not valid text", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_of_an_unparsable_file_are_escaped_in_the_error()
    {
        var ex = Assert.Throws<FormatException>(() => ModelsDevParser.Parse("f9\0\u000c\u001f\u202e junk"));
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Message, c => char.IsControl(c) || c == '\u202e');
    }
}
