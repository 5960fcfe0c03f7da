using System.Text.RegularExpressions;
using Starmap.Catalog.Seed;
using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests.Seed;

/// <summary>The shipped catalog is complete, consistent and free of secrets; a broken curated file is refused clearly.</summary>
public sealed partial class BuiltInCatalogTests
{
    private static readonly BuiltInCatalog Catalog = BuiltInCatalog.Load();

    [Theory]
    [InlineData("openai", "OPENAI_API_KEY", "https://api.openai.com/v1/models")]
    [InlineData("anthropic", "ANTHROPIC_API_KEY", "https://api.anthropic.com/v1/models")]
    [InlineData("google-ai-studio", "GOOGLE_API_KEY", "https://generativelanguage.googleapis.com/v1beta/models")]
    [InlineData("groq", "GROQ_API_KEY", "https://api.groq.com/openai/v1/models")]
    [InlineData("deepseek", "DEEPSEEK_API_KEY", null)]
    [InlineData("cerebras", "CEREBRAS_API_KEY", null)]
    [InlineData("mistral", "MISTRAL_API_KEY", "https://api.mistral.ai/v1/models")]
    [InlineData("openrouter", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1/models")]
    [InlineData("moonshot-ai", "MOONSHOT_API_KEY", null)]
    public void Each_required_provider_has_real_connection_metadata(string id, string envVar, string? listUrl)
    {
        var provider = Assert.Single(Catalog.Providers, p => p.Provider.Id == id).Provider;
        Assert.Contains(envVar, provider.Auth!.ApiKeyEnvVars);
        var endpoint = provider.Catalog!.Endpoint!;
        Assert.StartsWith("https://", endpoint.Url, StringComparison.Ordinal);
        if (listUrl is not null)
        {
            Assert.Equal(listUrl, endpoint.Url);
        }
        var inference = provider.Inference!;
        Assert.True(inference.ChatCompletionsUrl is not null || inference.Endpoints.Count > 0, $"{id} has no inference URL");
    }

    [Fact]
    public void It_loads_and_validates_with_every_models_dev_provider_and_model_of_its_snapshot()
    {
        Assert.True(Catalog.Providers.Count >= 150, $"{Catalog.Providers.Count} providers");
        var offerings = Catalog.Providers.Sum(p => p.Offerings.Count);
        Assert.True(offerings >= 5_000, $"{offerings} offerings");
        Assert.Contains("+models.dev.", Catalog.Version, StringComparison.Ordinal);
        // Offerings models.dev alone gave record where each value came from.
        Assert.Contains(Catalog.Providers.SelectMany(p => p.Offerings), o => o.Provenance.Any(p => p.Source == SourceIds.ModelsDev));
    }

    [Fact]
    public void It_has_at_least_sixty_current_models_with_prices_and_limits()
    {
        var current = Catalog.Providers.SelectMany(p => p.Offerings)
            .Where(o => o.Lifecycle?.Status is LifecycleStatus.Active or LifecycleStatus.Preview or LifecycleStatus.Beta)
            .Where(o => o.Pricing?.Tokens?.Input is not null && o.Pricing.Tokens.Output is not null)
            .Where(o => o.Limits?.ContextWindow is not null)
            .ToList();
        Assert.True(current.Count >= 60, $"{current.Count} current priced models");
        Assert.False(string.IsNullOrEmpty(Catalog.Version));
        Assert.True(Catalog.Recorded.Year >= 2026);
    }

    [Fact]
    public void Every_definition_link_and_author_reference_resolves()
    {
        var definitions = Catalog.Authors.SelectMany(a => a.Definitions).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var authors = Catalog.Authors.Select(a => a.Author.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var offering in Catalog.Providers.SelectMany(p => p.Offerings))
        {
            Assert.True(offering.DefinitionId is null || definitions.Contains(offering.DefinitionId),
                $"{offering.Key} links missing definition {offering.DefinitionId}");
        }
        foreach (var provider in Catalog.Providers)
        {
            Assert.All(provider.Provider.Catalog?.Authors ?? default, a => Assert.Contains(a, authors));
        }
        foreach (var definition in Catalog.Authors.SelectMany(a => a.Definitions))
        {
            Assert.All(definition.AuthorIds, a => Assert.Contains(a, authors));
        }
    }

    [Fact]
    public void It_keeps_unknown_apart_from_zero_and_covers_every_lifecycle_case()
    {
        var offerings = Catalog.Providers.SelectMany(p => p.Offerings).ToList();
        Assert.Contains(offerings, o => o.Pricing is null);
        Assert.DoesNotContain(offerings, o => o.Limits?.ContextWindow == 0);
        Assert.Contains(offerings, o => o.Lifecycle?.Status == LifecycleStatus.Retired && o.Lifecycle.RetiresAt is not null);
        Assert.Contains(offerings, o => o.Lifecycle?.Status == LifecycleStatus.Deprecated);
        Assert.Contains(offerings, o => o.ModelId.Contains('/', StringComparison.Ordinal));
        Assert.Contains(offerings, o => o.Pricing?.Tiers.Count > 0);
    }

    [Fact]
    public void The_snapshot_built_from_it_attributes_every_curated_offering_to_an_author()
    {
        var snapshot = CatalogSnapshot.Build(1, Catalog.Providers, Catalog.Authors);
        Assert.Equal(Catalog.Providers.Sum(p => p.Offerings.Count), snapshot.Models.Count);
        // The curated offerings name their authors; most models.dev-only ones name none (unknown, not guessed).
        var curated = BuiltInCatalog.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "Fixtures", "curated-catalog.json")));
        var keys = curated.Providers.SelectMany(p => p.Offerings).Select(o => o.Key).ToHashSet();
        Assert.Equal(keys.Count, snapshot.Models.Count(m => keys.Contains(m.Offering.Key)));
        Assert.All(snapshot.Models.Where(m => keys.Contains(m.Offering.Key)), m => Assert.NotEmpty(m.AuthorIds));
        Assert.NotEmpty(snapshot.Endpoints);
    }

    [Fact]
    public void It_holds_no_secret_values()
    {
        using var stream = BuiltInCatalog.OpenEmbedded();
        using var json = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        var text = new StreamReader(json).ReadToEnd();
        Assert.True(text.Length > 1_000_000, $"{text.Length} characters");
        Assert.DoesNotMatch(SecretLike(), text);
    }

    [Fact]
    public void Malformed_json_is_refused_with_the_place_named()
    {
        var cut = Assert.Throws<StarmapValidationException>(() => BuiltInCatalog.Parse("""{"version": "x", "recorded": "2026-01-01", "providers": ["""));
        Assert.Equal("catalog.json", cut.Field);

        var unknown = Assert.Throws<StarmapValidationException>(() => BuiltInCatalog.Parse(
            """{"version": "x", "recorded": "2026-01-01", "providers": [{"provider": {"id": "a", "name": "A", "colour": "red"}}], "authors": []}"""));
        Assert.Contains("colour", unknown.Message, StringComparison.Ordinal);

        var badId = Assert.Throws<StarmapValidationException>(() => BuiltInCatalog.Parse(
            """{"version": "x", "recorded": "2026-01-01", "providers": [{"provider": {"id": "Open AI", "name": "A"}}], "authors": []}"""));
        Assert.Equal("provider.id", badId.Field);
        Assert.Equal("Open AI", badId.Value);
    }

    [GeneratedRegex(@"(sk-[A-Za-z0-9_\-]{16,}|AIza[0-9A-Za-z_\-]{20,}|gsk_[A-Za-z0-9]{16,})")]
    private static partial Regex SecretLike();
}
