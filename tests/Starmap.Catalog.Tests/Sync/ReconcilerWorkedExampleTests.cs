using Starmap.Catalog.Json;
using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// One model stated differently by the baseline and three sources (provider-api, models.dev, local);
/// each row is one rule of the default table, worked through: the value that wins and whose it is.
/// </summary>
public sealed class ReconcilerWorkedExampleTests
{
    private static readonly Offering Before = Offering("gpt-4o") with
    {
        DefinitionId = "openai/gpt-4o",
        Name = "gpt-4o",
        Pricing = Price(5m, 15m),
        Limits = new ModelLimits { ContextWindow = 128_000, OutputTokens = 4_096 },
        Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active },
        Availability = Availability.Available,
        Regions = ["us"],
        AuthorIds = ["openai"],
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text],
            Flags = FeatureFlags.From([new(Feature.ToolCalls, true), new(Feature.Reasoning, true), new(Feature.Streaming, true)]),
        },
        CreatedAt = Earlier,
        UpdatedAt = Earlier,
    };

    // OpenAI's API: no name, no price; a larger output limit, a shutdown date, reasoning false.
    private static readonly ObservedModel FromApi = Model("gpt-4o", o => o with
    {
        Limits = new ModelLimits { OutputTokens = 16_384 },
        Lifecycle = new OfferingLifecycle { RetiresAt = new DateOnly(2027, 1, 1) },
        AuthorIds = ["openai"],
        Features = Flag(Feature.Reasoning, false),
    });

    // models.dev: a full price, limits, a status and its own retirement guess, a co-author, modalities.
    private static readonly ObservedModel FromDev = Model("gpt-4o", o => o with
    {
        DefinitionId = "openai/gpt-4o-2024-08-06",
        Name = "GPT-4o",
        Pricing = Price(2.5m, 10m, cacheRead: 1.25m),
        Limits = new ModelLimits { ContextWindow = 128_000, OutputTokens = 16_000 },
        Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, RetiresAt = new DateOnly(2026, 12, 1) },
        Availability = Availability.Restricted,
        Regions = ["global"],
        AuthorIds = ["microsoft"],
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text, Modality.Image],
            OutputModalities = [Modality.Text],
            Flags = FeatureFlags.From([new(Feature.ToolCalls, false), new(Feature.Temperature, true)]),
        },
    });

    // The on-disk catalog: a curated name, an old price, an input limit, regions, a second credit.
    private static readonly ObservedModel FromLocal = Model("gpt-4o", o => o with
    {
        Name = "GPT-4o (Omni)",
        Pricing = Price(9m, 9m),
        Limits = new ModelLimits { InputTokens = 111_616 },
        Regions = ["eu"],
        AuthorIds = ["openai", "azure"],
    });

    private static readonly Offering After = Reconciler.Reconcile(
        Baseline(Before), [], [Dev(FromDev), Local(FromLocal), Api(FromApi)], AuthorityTable.Default, Now).Single("gpt-4o");

    [Theory]
    // name: local > provider-api > models.dev; the API says nothing, the curated name wins.
    [InlineData("name", "\"GPT-4o (Omni)\"", "local")]
    // definition_id: fill-missing; the baseline's link stays although models.dev proposes another.
    [InlineData("definition_id", "\"openai/gpt-4o\"", null)]
    // pricing: price by price; the API has no price, so models.dev's prices replace the baseline's (not local's).
    [InlineData("pricing.tokens.input", "2.5", "models.dev")]
    [InlineData("pricing.tokens.output", "10", "models.dev")]
    [InlineData("pricing.tokens.cache_read", "1.25", "models.dev")]
    // limits: field by field; the API's output limit, models.dev's context (confirming the baseline), local fills input.
    [InlineData("limits.output_tokens", "16384", "provider-api")]
    [InlineData("limits.context_window", "128000", "models.dev")]
    [InlineData("limits.input_tokens", "111616", "local")]
    // lifecycle: the API states no status, models.dev's deprecated replaces active.
    [InlineData("lifecycle.status", "\"deprecated\"", "models.dev")]
    // lifecycle.retires_at: provider-api > local; models.dev's date is not listed and never used.
    [InlineData("lifecycle.retires_at", "\"2027-01-01\"", "provider-api")]
    // availability: provider-api only; its complete list implies available; models.dev's restricted is ignored.
    [InlineData("availability", "\"available\"", "provider-api")]
    // regions: provider-api > local; local replaces the baseline, models.dev is not listed.
    [InlineData("regions", "[\"eu\"]", "local")]
    // author_ids: union in priority order local, provider-api, models.dev.
    [InlineData("author_ids", "[\"openai\",\"azure\",\"microsoft\"]", "local")]
    // features.input_modalities: replace (not union); models.dev fills in for the silent API.
    [InlineData("features.input_modalities", "[\"text\",\"image\"]", "models.dev")]
    [InlineData("features.output_modalities", "[\"text\"]", "models.dev")]
    // features.flags.*: a listed source's false replaces true; the API's false beats the baseline.
    [InlineData("features.flags.reasoning", "false", "provider-api")]
    [InlineData("features.flags.tool_calls", "false", "models.dev")]
    [InlineData("features.flags.temperature", "true", "models.dev")]
    // nobody states streaming: the baseline's value and provenance stay.
    [InlineData("features.flags.streaming", "true", null)]
    public void Each_rule_picks_its_source(string path, string expected, string? source)
    {
        var value = System.Text.Json.Nodes.JsonNode.Parse(StarmapJson.Serialize(After))!;
        foreach (var segment in path.Split('.'))
        {
            value = value[segment]!;
        }
        Assert.Equal(expected, value.ToJsonString(StarmapJson.Options));
        Assert.Equal(source, After.SourceOf(path));
    }

    [Fact]
    public void Bookkeeping_is_kept_or_stamped_not_merged()
    {
        Assert.Equal("openai", After.ProviderId);
        Assert.Equal(Earlier, After.CreatedAt);
        Assert.Equal(Now, After.UpdatedAt);
        Assert.Equal(After.Provenance.Select(p => p.Path).Order(StringComparer.Ordinal), After.Provenance.Select(p => p.Path));
        Assert.Equal(Now.AddMinutes(-2), After.Provenance.Single(p => p.Path == "pricing.tokens.input").ObservedAt);
    }

    [Fact]
    public void The_order_of_observations_does_not_matter()
    {
        var shuffled = Reconciler.Reconcile(Baseline(Before), [], [Api(FromApi), Local(FromLocal), Dev(FromDev)], AuthorityTable.Default, Now);
        Assert.Equal(After, shuffled.Single("gpt-4o"));
    }
}
