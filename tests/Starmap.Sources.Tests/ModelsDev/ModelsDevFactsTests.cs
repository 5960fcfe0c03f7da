using System.Globalization;
using System.Text.Json;
using Starmap.Catalog.Snapshot;
using Starmap.Sources.ModelsDev;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests.ModelsDev;

/// <summary>
/// Every intrinsic fact a models.dev entry states reaches the offering, whether or not an author can be
/// credited; authors are derived where the entry itself says who made it, and only as known authors.
/// </summary>
public sealed class ModelsDevFactsTests
{
    private static readonly DateTimeOffset ObservedAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    // A host no author mapping describes, listing models by namespaces and families only the data names.
    private const string Snapshot = """
        {"hoster": {"id": "hoster", "name": "Hoster", "models": {
          "acme-lab/rocket-7b": {"id": "acme-lab/rocket-7b", "name": "Rocket 7B", "description": "A small open model",
            "family": "rocket", "release_date": "2025-09-01", "knowledge": "2025-03", "open_weights": true,
            "reasoning_options": [{"type": "effort", "values": ["low", "high"]}, {"type": "budget_tokens", "min": 1024, "max": 8192}]},
          "deepseek-ai/DeepSeek-V3.2": {"id": "deepseek-ai/DeepSeek-V3.2", "name": "DeepSeek V3.2", "family": "deepseek", "release_date": "2025-12-01", "open_weights": true},
          "meta-llama/llama-4-scout": {"id": "meta-llama/llama-4-scout", "name": "Llama 4 Scout", "release_date": "2025-04-05"},
          "sonnet-latest": {"id": "sonnet-latest", "name": "Sonnet", "family": "claude-sonnet", "release_date": "2025-09-29", "open_weights": false},
          "Qwen/Qwen3-235B": {"id": "Qwen/Qwen3-235B", "name": "Qwen3 235B", "family": "qwen"}
        }}}
        """;

    private static SourceObservation Observe(Provider? provider = null) =>
        ModelsDevMapper.ToObservation(ModelsDevParser.Parse(Snapshot), provider ?? new Provider { Id = "hoster", Name = "Hoster" }, ObservedAt)!;

    [Fact]
    public void A_model_no_author_mapping_names_keeps_its_release_date_and_other_facts_on_the_offering()
    {
        var rocket = Observe().Model("acme-lab/rocket-7b");

        Assert.True(rocket.Offering.AuthorIds.IsEmpty);   // "acme-lab" is no known author: nothing invented
        Assert.Null(rocket.Definition);
        var offering = rocket.Offering;
        Assert.Equal(new ModelMetadata { ReleaseDate = new DateOnly(2025, 9, 1), KnowledgeCutoff = new DateOnly(2025, 3, 1), OpenWeights = true }, offering.Metadata);
        Assert.Equal("rocket", offering.Lineage!.Family);
        Assert.Equal("A small open model", offering.Description);
        Assert.Equal([ControlLevel.Low, ControlLevel.High], offering.Reasoning!.Levels);
        Assert.Equal(new IntRange { Min = 1024, Max = 8192 }, offering.ReasoningTokens);
    }

    [Theory]
    [InlineData("deepseek-ai/DeepSeek-V3.2", "deepseek")]   // provider-scoped ID, through the alias table
    [InlineData("meta-llama/llama-4-scout", "meta")]
    [InlineData("Qwen/Qwen3-235B", "qwen")]
    [InlineData("sonnet-latest", "anthropic")]              // no namespace: the family says who made it
    public void The_author_is_derived_from_the_id_namespace_or_the_family(string modelId, string author)
    {
        var model = Observe().Model(modelId);

        Assert.Equal([author], model.Offering.AuthorIds);
        if (model.Definition is { } definition)
        {
            Assert.Equal(author, definition.AuthorId);
            Assert.Equal(model.Offering.Metadata, definition.Metadata);
        }
    }

    [Fact]
    public void The_provider_mapping_still_wins_over_a_derived_author()
    {
        var provider = new Provider
        {
            Id = "hoster",
            Name = "Hoster",
            Catalog = new ProviderCatalogConfig
            {
                Endpoint = new CatalogEndpoint
                {
                    Type = CatalogEndpointType.OpenAI,
                    Url = "https://hoster.example/v1/models",
                    AuthorMapping = new AuthorMapping { Field = "id", Normalized = [new() { Raw = "meta-llama", AuthorId = "llama-org" }] },
                },
            },
        };

        Assert.Equal(["llama-org"], Observe(provider).Model("meta-llama/llama-4-scout").Offering.AuthorIds);
    }

    [Fact]
    public void Every_release_date_of_the_models_dev_snapshot_is_served_after_mapping()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var bytes = File.ReadAllBytes(SharedFixtures.Path("models.dev", "api.json"));

        // What the file says, read apart from the parser: every valid release_date by provider and model.
        var expected = new Dictionary<(string, string), DateOnly>();
        using (var document = JsonDocument.Parse(bytes))
        {
            foreach (var provider in document.RootElement.EnumerateObject())
            {
                if (!provider.Value.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var model in models.EnumerateObject())
                {
                    if (model.Value.ValueKind == JsonValueKind.Object && model.Value.TryGetProperty("release_date", out var date) &&
                        date.ValueKind == JsonValueKind.String && ReleaseDate(date.GetString()!) is { } released)
                    {
                        expected[(provider.Name, model.Name)] = released;
                    }
                }
            }
        }

        // Served: each provider's observation as the catalog's offerings, read back through the snapshot.
        var snapshot = ModelsDevParser.Parse(bytes);
        var providers = snapshot.Providers.Keys.Select(id =>
        {
            var observation = ModelsDevMapper.ToObservation(snapshot, id, [], ObservedAt)!;
            return new ProviderDetails
            {
                Provider = new Provider { Id = id, Name = id },
                Offerings = [.. observation.Models.Select(m => m.Offering)],
            };
        });
        var catalog = CatalogSnapshot.Build(1, providers, []);
        var served = catalog.Models.Where(m => m.ReleaseDate is not null).ToDictionary(m => (m.ProviderId, m.ModelId), m => m.ReleaseDate!.Value);

        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Count, served.Count);
        Assert.Empty(expected.Where(e => !served.TryGetValue(e.Key, out var date) || date != e.Value).Select(e => $"{e.Key}: {e.Value}"));

        // And the filter finds them all: released_after the earliest date counts every dated model.
        var earliest = expected.Values.Min();
        Assert.Equal(expected.Count, catalog.Query(new ModelQuery { ReleasedAfter = earliest, Limit = 1 }).Total);
        var openWeights = catalog.Query(new ModelQuery { OpenWeights = true, Limit = 1 }).Total;
        Assert.Equal(snapshot.Providers.Values.Sum(p => p.Models.Count(m => m.OpenWeights == true)), openWeights);
    }

    // models.dev writes YYYY-MM-DD, sometimes YYYY-MM or YYYY (read as the first day); anything else is no date.
    private static DateOnly? ReleaseDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
