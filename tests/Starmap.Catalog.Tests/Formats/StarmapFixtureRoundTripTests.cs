using Starmap.Formats;
using YamlDotNet.RepresentationModel;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// The Go Starmap project's real catalog (../shared/fixtures/starmap-catalog): it imports whole, the
/// counts match what its files hold (counted here without the importer), and export → import gives
/// the same records. Skipped where the shared fixtures are absent.
/// </summary>
public sealed class StarmapFixtureRoundTripTests
{
    private static readonly Lazy<ImportedCatalog> Imported = new(() => StarmapFiles.Import(FormatFixtures.StarmapCatalog()));

    [Fact]
    public void Counts_match_the_files_and_the_known_totals()
    {
        var root = FormatFixtures.StarmapCatalog();
        var offeringFiles = ModelFiles(root, "providers");
        var definitionFiles = ModelFiles(root, "authors");
        var providerEntries = Entries(Path.Combine(root, "providers.yaml"));
        var authorEntries = Entries(Path.Combine(root, "authors.yaml"));
        var priced = offeringFiles.Count(HasInputOrOutputPrice);

        // Counted from the files above, and stated: the fixtures README says ~15, ~104, ~591, ~613.
        Assert.Equal((15, 104, 591, 613, 263), (providerEntries, authorEntries, definitionFiles.Count, offeringFiles.Count, priced));

        var catalog = Imported.Value;
        Assert.Equal(providerEntries, catalog.ProviderCount);
        Assert.Equal(authorEntries, catalog.AuthorCount);
        Assert.Equal(definitionFiles.Count, catalog.DefinitionCount);
        Assert.Equal(offeringFiles.Count, catalog.OfferingCount);
        Assert.Equal(priced, catalog.PricedOfferingCount);
    }

    [Fact]
    public void Offerings_per_provider_match_the_model_folders()
    {
        var root = FormatFixtures.StarmapCatalog();
        var onDisk = Directory.EnumerateDirectories(Path.Combine(root, "providers"))
            .ToDictionary(d => Path.GetFileName(d), d => Directory.EnumerateFiles(Path.Combine(d, "models"), "*.yaml", SearchOption.AllDirectories).Count());
        var expected = new Dictionary<string, int>
        {
            ["alibaba"] = 85, ["anthropic"] = 10, ["cerebras"] = 3, ["deepinfra"] = 168, ["deepseek"] = 2, ["fireworks-ai"] = 7,
            ["google-ai-studio"] = 54, ["google-vertex"] = 136, ["groq"] = 17, ["hetzner"] = 2, ["moonshot-ai"] = 12, ["openai"] = 117,
        };
        Assert.Equal(expected, onDisk);

        // azure-openai, mistral and ollama are listed in providers.yaml without model files.
        var imported = Imported.Value.Providers.ToDictionary(p => p.Provider.Id, p => p.Offerings.Count);
        Assert.Equal(expected.Concat([new("azure-openai", 0), new("mistral", 0), new("ollama", 0)]).OrderBy(p => p.Key, StringComparer.Ordinal), imported.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Export_then_import_gives_an_equal_catalog()
    {
        var catalog = Imported.Value;
        using var temp = new TempFolder();
        StarmapFiles.Export(temp.Combine("catalog"), catalog);
        var again = StarmapFiles.Import(temp.Combine("catalog"));

        Assert.Equal(catalog.Providers.Select(p => p.Provider.Id), again.Providers.Select(p => p.Provider.Id));
        for (var i = 0; i < catalog.Providers.Count; i++)
        {
            Assert.True(catalog.Providers[i] == again.Providers[i], $"provider {catalog.Providers[i].Provider.Id} differs after the round trip");
        }
        for (var i = 0; i < catalog.Authors.Count; i++)
        {
            Assert.True(catalog.Authors[i] == again.Authors[i], $"author {catalog.Authors[i].Author.Id} differs after the round trip");
        }
        Assert.True(catalog.Providers == again.Providers && catalog.Authors == again.Authors);
        Assert.Equal(FormatFixtures.WarningKinds(catalog), FormatFixtures.WarningKinds(again)); // what the files held, written back
    }

    [Fact]
    public void Real_data_keeps_unknowns_distinct_from_false_and_zero()
    {
        var catalog = Imported.Value;
        var offerings = catalog.Providers.SelectMany(p => p.Offerings).ToList();
        var gpt4o = Assert.Single(offerings, o => o is { ProviderId: "openai", ModelId: "gpt-4o" });
        Assert.Equal(new TokenPrices { Input = 2.5m, Output = 10m, CacheRead = 1.25m }, gpt4o.Pricing!.Tokens);
        Assert.Equal(new ModelLimits { ContextWindow = 128_000, OutputTokens = 16_384 }, gpt4o.Limits); // input_tokens: 0 is "not set"
        Assert.False(gpt4o.Features!.Flags[Feature.WebSearch]);
        Assert.Equal("openai/gpt-4o", gpt4o.DefinitionId);

        // 5e-05 (Go's float spelling) is read exactly.
        var voxtral = Assert.Single(offerings, o => o.ModelId == "mistralai/Voxtral-Small-24B-2507");
        Assert.Equal(0.00005m, voxtral.Pricing!.Operations!.AudioInput);
        Assert.Null(voxtral.Pricing.Tokens);

        Assert.Contains(offerings, o => o.ModelId.Contains('@', StringComparison.Ordinal));
        Assert.Contains(offerings, o => o.ModelId.Count(c => c == '/') >= 3); // accounts/fireworks/models/...
        Assert.Equal(14, offerings.Count(o => o.Lifecycle?.Status == LifecycleStatus.Deprecated));
        Assert.Equal(8, offerings.Count(o => !(o.Pricing?.Tiers.IsEmpty ?? true)));
        Assert.Contains(catalog.Authors, a => a.Author.Id == "01-ai");
    }

    [Fact]
    public void Local_observations_cover_every_provider_and_are_complete_only_where_files_list_models()
    {
        var observations = StarmapFiles.ToObservations(Imported.Value, DateTimeOffset.UnixEpoch);
        Assert.Equal(15, observations.Count);
        Assert.All(observations, o => Assert.Equal(SourceIds.Local, o.Source));
        Assert.Equal(["azure-openai", "mistral", "ollama"], observations.Where(o => !o.IsCompleteList).Select(o => o.ProviderId));
        Assert.Equal(613, observations.Sum(o => o.Models.Count));
        Assert.All(observations.SelectMany(o => o.Models), m => Assert.NotNull(m.Definition)); // every offering links a definition on file
    }

    private static List<string> ModelFiles(string root, string folder) =>
        Directory.EnumerateDirectories(Path.Combine(root, folder))
            .Select(d => Path.Combine(d, "models"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yaml", SearchOption.AllDirectories))
            .ToList();

    private static int Entries(string file) => ((YamlSequenceNode)Load(file)).Children.Count;

    private static bool HasInputOrOutputPrice(string file) =>
        Load(file) is YamlMappingNode model
        && Child(model, "pricing") is YamlMappingNode pricing
        && Child(pricing, "tokens") is YamlMappingNode tokens
        && new[] { "input", "output" }.Any(key =>
            Child(tokens, key) is YamlMappingNode cost && Child(cost, "per_1m") is YamlScalarNode { Value: { } value } && value is not ("null" or "~" or ""));

    private static YamlNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return stream.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
