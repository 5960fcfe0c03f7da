using System.Text.Json.Nodes;
using Starmap.Catalog.Json;
using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// One known definition and what provider-api, models.dev and local say about it; each row is one
/// definition rule of the default table worked through. Definitions are only filled by default.
/// </summary>
public sealed class ReconcilerDefinitionWorkedExampleTests
{
    private static readonly ModelDefinition Known = new()
    {
        Id = "openai/gpt-4o",
        Name = "GPT-4o",
        AuthorIds = ["openai"],
        Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2024, 5, 13), Tags = [ModelTag.Chat] },
        Features = TestData.Flags((Feature.ToolCalls, true)),
        Lineage = new ModelLineage { Family = "gpt-4" },
    };

    private static readonly ModelDefinition FromApi = new()
    {
        Id = "openai/gpt-4o",
        Name = "gpt-4o",
        Description = "From the API",
        AuthorIds = ["openai"],
        Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2024, 5, 1), KnowledgeCutoff = new DateOnly(2023, 9, 1), Tags = [ModelTag.Coding] },
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text],
            Flags = FeatureFlags.From([new(Feature.ToolCalls, false), new(Feature.Streaming, true)]),
        },
        Generation = new ModelGeneration { Temperature = new FloatRange { Min = 0, Max = 2 } },
        Reasoning = new ControlLevels { Levels = [ControlLevel.Low] },
        Tools = new ModelTools { ToolChoices = ["auto"] },
        Delivery = new ModelDelivery { Streaming = [StreamingKind.Sse] },
        Lineage = new ModelLineage { Root = "gpt-4o", Family = "gpt-4o-api" },
    };

    private static readonly ModelDefinition FromDev = new()
    {
        Id = "openai/gpt-4o",
        Name = "GPT-4o",
        Description = "From models.dev",
        AuthorIds = ["openai", "microsoft"],
        Metadata = new ModelMetadata { KnowledgeCutoff = new DateOnly(2023, 10, 1), OpenWeights = false, Tags = [ModelTag.Chat, ModelTag.Vision] },
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text, Modality.Image],
            OutputModalities = [Modality.Text],
            Flags = FeatureFlags.From([new(Feature.Streaming, false), new(Feature.Reasoning, false)]),
        },
        Attachments = new ModelAttachments { MaxFiles = 10 },
        Generation = new ModelGeneration { Temperature = new FloatRange { Min = 0, Max = 1 }, TopP = new FloatRange { Max = 1 } },
        Reasoning = new ControlLevels { Levels = [ControlLevel.High] },
        ReasoningTokens = new IntRange { Max = 1_000 },
        Verbosity = new ControlLevels { Levels = [ControlLevel.Low] },
        Lineage = new ModelLineage { Family = "gpt-4o", Parent = "gpt-4" },
    };

    private static readonly ModelDefinition FromLocal = new()
    {
        Id = "openai/gpt-4o",
        Name = "GPT-4o",
        Description = "Curated",
        AuthorIds = ["openai", "azure"],
        Metadata = new ModelMetadata { Tags = [ModelTag.Writing] },
        Delivery = new ModelDelivery { Formats = [ResponseFormat.Json] },
    };

    private static readonly ModelDefinition After = Assert.Single(Reconciler.Reconcile(null, [Known],
        [
            Local(Model("gpt-4o", definition: FromLocal)),
            Api(Model("gpt-4o", definition: FromApi)),
            Dev(Model("gpt-4o", definition: FromDev)),
        ], AuthorityTable.Default, Now).Definitions);

    [Theory]
    [InlineData("name", "\"GPT-4o\"")]                                    // known: kept
    [InlineData("description", "\"Curated\"")]                            // local > models.dev > provider-api
    [InlineData("author_ids", "[\"openai\",\"azure\",\"microsoft\"]")]    // union: known, local, models.dev, provider-api
    [InlineData("metadata.release_date", "\"2024-05-13\"")]               // known: kept
    [InlineData("metadata.knowledge_cutoff", "\"2023-10-01\"")]           // models.dev > provider-api
    [InlineData("metadata.open_weights", "false")]                        // models.dev's false fills
    [InlineData("metadata.tags", "[\"chat\",\"vision\",\"writing\",\"coding\"]")] // union: models.dev > local > provider-api
    [InlineData("features.input_modalities", "[\"text\",\"image\"]")]     // models.dev > provider-api
    [InlineData("features.output_modalities", "[\"text\"]")]
    [InlineData("features.flags.tool_calls", "true")]                     // known true stays: the API's false only fills
    [InlineData("features.flags.streaming", "false")]                     // models.dev > provider-api
    [InlineData("features.flags.reasoning", "false")]
    [InlineData("attachments.max_files", "10")]                           // models.dev
    [InlineData("generation.temperature.max", "2")]                       // provider-api > models.dev
    [InlineData("generation.top_p.max", "1")]                             // only models.dev states it
    [InlineData("reasoning.levels", "[\"high\"]")]                        // models.dev > provider-api
    [InlineData("reasoning_tokens.max", "1000")]
    [InlineData("verbosity.levels", "[\"low\"]")]
    [InlineData("tools.tool_choices", "[\"auto\"]")]                      // provider-api
    [InlineData("delivery.streaming", "[\"sse\"]")]                       // provider-api
    [InlineData("delivery.formats", "[\"json\"]")]                        // only local states it
    [InlineData("lineage.root", "\"gpt-4o\"")]                            // provider-api > models.dev
    [InlineData("lineage.parent", "\"gpt-4\"")]                           // only models.dev states it
    [InlineData("lineage.family", "\"gpt-4\"")]                           // known: kept
    public void Each_definition_rule_fills_from_its_source(string path, string expected)
    {
        var value = JsonSamples.Get(JsonNode.Parse(StarmapJson.Serialize(After))!, path);
        Assert.Equal(expected, value?.ToJsonString(StarmapJson.Options));
    }
}
