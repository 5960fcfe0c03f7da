using Starmap.Catalog.Seed;
using Starmap.Sources.ModelsDev;
using Starmap.Testing;

namespace Starmap.SeedTool.Tests;

/// <summary>
/// The built-in catalog generator: every provider and model of a models.dev snapshot, the curated catalog
/// winning where both describe a model, invalid values refused one field at a time, unusable IDs reported.
/// </summary>
public sealed class SeedGeneratorTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static BuiltInCatalog Curated { get; } = BuiltInCatalog.Parse(File.ReadAllText(Path.Combine(Fixtures, "curated-catalog.json")));

    private static (GeneratedCatalogFile Catalog, SeedReport Report) Small() =>
        SeedGenerator.Generate(Curated, ModelsDevParser.Parse(File.ReadAllText(Path.Combine(Fixtures, "models-dev-small.json"))));

    private static Offering Offering(GeneratedCatalogFile catalog, string providerId, string modelId) =>
        Assert.Single(Assert.Single(catalog.Providers, p => p.Provider.Id == providerId).Offerings, o => o.ModelId == modelId);

    [Fact]
    public void A_small_snapshot_gives_the_curated_providers_plus_every_snapshot_provider_and_model()
    {
        var (catalog, report) = Small();

        // 9 curated providers, openai among them; wafer.ai, tiny-host and templated-host are new.
        Assert.Equal(12, report.Providers);
        Assert.Equal(12, catalog.Providers.Count);
        // 106 curated offerings; openai's gpt-4o is curated already, its 2 other models are added, and
        // wafer-small, tabbed and t-1 too; tiny-host's model with a control character in its ID is not.
        Assert.Equal(106 + 2 + 3, report.Offerings);
        Assert.Equal(report.Offerings, catalog.Providers.Sum(p => p.Offerings.Count));
        Assert.Equal(4, report.SourceProviders);
        Assert.Equal(7, report.SourceModels);
        Assert.Equal(1, report.CuratedWins);
        Assert.Equal(105, report.CuratedOnly);
        Assert.Equal(1, report.SkippedModels);
        // The curated 84 definitions and the two openai models it lacks (openai is the author openai's API names).
        Assert.Equal(84 + 2, report.Definitions);
        Assert.Equal(["openai/gpt-test-inconsistent", "openai/gpt-test-new"],
            catalog.Authors.Single(a => a.Author.Id == "openai").Definitions.Select(d => d.Id).Where(id => id.StartsWith("openai/gpt-test", StringComparison.Ordinal)));
        Assert.Equal(catalog.Providers.Select(p => p.Provider.Id).Order(StringComparer.Ordinal), catalog.Providers.Select(p => p.Provider.Id));
    }

    [Fact]
    public void A_curated_offering_and_a_curated_provider_record_win_over_the_snapshot()
    {
        var (catalog, _) = Small();

        var gpt4o = Offering(catalog, "openai", "gpt-4o");
        var curated = Curated.Providers.Single(p => p.Provider.Id == "openai").Offerings.Single(o => o.ModelId == "gpt-4o");
        Assert.Equal(curated, gpt4o);
        Assert.NotEqual(99m, gpt4o.Pricing?.Tokens?.Input);
        Assert.Equal(Curated.Providers.Single(p => p.Provider.Id == "openai").Provider, catalog.Providers.Single(p => p.Provider.Id == "openai").Provider);
    }

    [Fact]
    public void A_snapshot_model_gets_what_a_models_dev_sync_writes_with_its_provenance_and_definition()
    {
        var (catalog, _) = Small();

        var added = Offering(catalog, "openai", "gpt-test-new");
        Assert.Equal("GPT Test New", added.Name);
        Assert.Equal(1.25m, added.Pricing!.Tokens!.Input);
        Assert.Equal(10m, added.Pricing.Tokens.Output);
        Assert.Equal(200_000, added.Limits!.ContextWindow);
        Assert.Equal("openai/gpt-test-new", added.DefinitionId);
        Assert.Contains(added.Provenance, p => p.Path == "pricing.tokens.input" && p.Source == SourceIds.ModelsDev);
        // The snapshot's date: its newest last_updated.
        Assert.Equal(new DateOnly(2026, 3, 9), catalog.Recorded);
        Assert.EndsWith("+models.dev.2026.03.09", catalog.Version, StringComparison.Ordinal);
        var definition = catalog.Authors.Single(a => a.Author.Id == "openai").Definitions.Single(d => d.Id == "openai/gpt-test-new");
        Assert.Equal(new DateOnly(2026, 1, 15), definition.Metadata?.ReleaseDate);
    }

    [Fact]
    public void A_provider_the_curated_catalog_lacks_gets_its_models_dev_record()
    {
        var (catalog, _) = Small();

        var tiny = catalog.Providers.Single(p => p.Provider.Id == "tiny-host").Provider;
        Assert.Equal("Tiny Host", tiny.Name);
        Assert.Equal(["TINY_HOST_API_KEY"], tiny.Auth!.ApiKeyEnvVars);
        Assert.Equal("https://api.tiny-host.example/v1", tiny.Inference!.BaseUrl);
        // A models.dev key that is no provider ID (a dot) becomes one; its models come along.
        Assert.Equal("wafer-small", Assert.Single(catalog.Providers.Single(p => p.Provider.Id == "wafer-ai").Offerings).ModelId);
    }

    [Fact]
    public void An_invalid_value_is_refused_alone_with_a_note_and_an_unusable_id_is_skipped_and_reported()
    {
        var (catalog, report) = Small();

        var inconsistent = Offering(catalog, "openai", "gpt-test-inconsistent");
        Assert.Null(inconsistent.Limits!.OutputTokens);
        Assert.Equal(8192, inconsistent.Limits.ContextWindow);
        Assert.Equal(1.5m, inconsistent.Pricing!.Tokens!.Output);
        var note = Assert.Single(inconsistent.Quarantine);
        Assert.Equal("limits.output_tokens", note.Path);
        Assert.Equal("16384", note.Value);
        Assert.Equal(SourceIds.ModelsDev, note.Source);

        var tabbed = Offering(catalog, "tiny-host", "tabbed");
        Assert.Null(tabbed.Name);
        Assert.Equal(@"Tabbed Name\u0009", Assert.Single(tabbed.Quarantine).Value);
        Assert.Equal(0.1m, tabbed.Pricing!.Tokens!.Input);

        Assert.Null(catalog.Providers.Single(p => p.Provider.Id == "templated-host").Provider.Inference?.BaseUrl);

        Assert.Collection(report.Quarantined,
            q => Assert.StartsWith("openai/gpt-test-inconsistent limits.output_tokens '16384'", q, StringComparison.Ordinal),
            q => Assert.StartsWith("templated-host (provider)", q, StringComparison.Ordinal),
            q => Assert.StartsWith(@"tiny-host/tabbed name 'Tabbed Name\u0009'", q, StringComparison.Ordinal));
        var skipped = Assert.Single(report.Skipped);
        Assert.Contains(@"'tiny-host' with no usable ID 'bad\u0007id'", skipped, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Providers.Single(p => p.Provider.Id == "tiny-host").Offerings, o => o.ModelId.StartsWith("bad", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_catalog_validates_and_reads_back_equal_from_its_compressed_form()
    {
        var (catalog, _) = Small();
        using var stream = new MemoryStream();
        catalog.Write(stream);
        stream.Position = 0;
        var read = GeneratedCatalogFile.Read(stream);

        Assert.Equal(catalog.Providers, read.Providers);
        Assert.Equal(catalog.Authors, read.Authors);
        var loaded = BuiltInCatalog.FromGenerated(read);
        Assert.Equal(catalog.Version, loaded.Version);
        // Made twice from the same inputs, it is the same to the byte.
        using var again = new MemoryStream();
        Small().Catalog.Write(again);
        Assert.Equal(stream.ToArray(), again.ToArray());
    }

    [Fact]
    public void The_shared_snapshot_gives_every_provider_and_model_of_it_less_the_reported_records()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var snapshot = ModelsDevParser.Parse(File.ReadAllBytes(SharedFixtures.Path("models.dev", "api.json")));
        var (catalog, report) = SeedGenerator.Generate(Curated, snapshot);

        Assert.Equal(175, report.SourceProviders);
        Assert.Equal(5_898, report.SourceModels);
        Assert.Equal(report.SourceModels + report.CuratedOnly - report.SkippedModels, report.Offerings);
        Assert.True(report.Providers >= 150 && report.Offerings >= 5_000, string.Join("\n", report.Describe()));
        var curatedIds = Curated.Providers.Select(p => p.Provider.Id).ToHashSet(StringComparer.Ordinal);
        var snapshotProviders = report.Providers - Curated.Providers.Count(p => snapshot.FindProvider([p.Provider.Id, .. p.Provider.Aliases]) is null);
        Assert.Equal(report.SourceProviders, snapshotProviders + report.Skipped.Count(s => s.Contains("(provider,", StringComparison.Ordinal)));

        // Each snapshot model is an offering of its provider (curated or not), unless reported.
        var offerings = catalog.Providers.ToDictionary(p => p.Provider.Id, p => p.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal));
        var missing = 0;
        foreach (var entry in snapshot.Providers.Values)
        {
            var curated = Curated.Providers.FirstOrDefault(p => snapshot.FindProvider([p.Provider.Id, .. p.Provider.Aliases])?.Id == entry.Id);
            var id = curated?.Provider.Id ?? ModelsDevProviderMapping.ToProvider(entry).Id;
            missing += entry.Models.Count(m => offerings.GetValueOrDefault(id)?.Contains(m.Id) != true);
        }
        Assert.Equal(report.SkippedModels, missing);
        Assert.True(curatedIds.All(offerings.ContainsKey));
        BuiltInCatalog.FromGenerated(catalog);
    }
}
