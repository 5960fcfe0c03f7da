using Starmap.Catalog.Snapshot;
using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>Importing the hand-written Starmap-layout catalog gives exactly the records its files state.</summary>
public sealed class SmallCatalogImportTests
{
    private static readonly ImportedCatalog Catalog = StarmapFiles.Import(FormatFixtures.SmallCatalog);

    private static Provider Provider(string id) => Assert.Single(Catalog.Providers, p => p.Provider.Id == id).Provider;

    private static Offering Offering(string providerId, string modelId) =>
        Assert.Single(Assert.Single(Catalog.Providers, p => p.Provider.Id == providerId).Offerings, o => o.ModelId == modelId);

    private static ModelDefinition Definition(string id) =>
        Assert.Single(Catalog.Authors.SelectMany(a => a.Definitions), d => d.Id == id);

    [Fact]
    public void It_counts_two_providers_two_authors_three_definitions_and_three_priced_offerings()
    {
        Assert.Equal(2, Catalog.ProviderCount);
        Assert.Equal(2, Catalog.AuthorCount);
        Assert.Equal(3, Catalog.DefinitionCount);
        Assert.Equal(3, Catalog.OfferingCount);
        Assert.Equal(3, Catalog.PricedOfferingCount);
        Assert.EndsWith("small-catalog", Catalog.Root, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_ids_come_from_paths_with_folders_for_slashes_and_at_signs_kept()
    {
        Assert.Equal(["cloudhost", "fastinfer"], Catalog.Providers.Select(p => p.Provider.Id));
        Assert.Equal(["acme-1", "meta-llama/llama-4-scout"], Catalog.Providers[1].Offerings.Select(o => o.ModelId));
        Assert.Equal(["llama-3.3-70b@001"], Catalog.Providers[0].Offerings.Select(o => o.ModelId));
        Assert.Equal(["acme-ai/acme-1", "meta/llama-4-scout", "meta/llama/3.3-70b"],
            Catalog.Authors.SelectMany(a => a.Definitions).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_dotted_Starmap_author_id_becomes_kebab_case_everywhere_it_is_used()
    {
        Assert.Equal(["acme-ai", "meta"], Catalog.Authors.Select(a => a.Author.Id));
        Assert.Equal("acme-ai/acme-1", Offering("fastinfer", "acme-1").DefinitionId);
        Assert.Equal(["acme-ai", "meta"], Definition("acme-ai/acme-1").AuthorIds);
        var catalog = Provider("fastinfer").Catalog!;
        Assert.Equal(["meta", "acme-ai"], catalog.Authors);
        Assert.Equal("acme-ai", catalog.Endpoint!.AuthorMapping!.Normalized.Single(n => n.Raw == "Acme AI").AuthorId);
    }

    [Fact]
    public void Token_prices_are_usd_per_million_and_free_is_not_unknown()
    {
        var scout = Offering("fastinfer", "meta-llama/llama-4-scout").Pricing!;
        Assert.Equal("USD", scout.Currency);
        Assert.Equal(new TokenPrices { Input = 0.11m, Output = 0.34m, CacheRead = 0.055m }, scout.Tokens);

        // per_1m: 0 is free (known), per_1m: null and an empty cost {} are unknown.
        var hosted = Offering("cloudhost", "llama-3.3-70b@001").Pricing!.Tokens!;
        Assert.Equal(0m, hosted.Input);
        Assert.Null(hosted.Output);
        Assert.Null(hosted.CacheRead);
    }

    [Fact]
    public void Tiers_are_sorted_by_size_and_operation_prices_are_kept()
    {
        var pricing = Offering("fastinfer", "acme-1").Pricing!;
        Assert.Equal(new TokenPrices { Input = 2.5m, Output = 10m, Reasoning = 12m }, pricing.Tokens);
        Assert.Equal(new OperationPrices { Request = 0.002m, WebSearch = 0.01m }, pricing.Operations);
        Assert.Equal(
            [
                new PricingTier { Name = "over-128k", ContextThreshold = 128_000, Tokens = new TokenPrices { Input = 4m, Output = 15m } },
                new PricingTier { Name = "over-200k", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 5m, Output = 20m } },
            ],
            pricing.Tiers);
    }

    [Fact]
    public void A_limit_of_zero_is_unknown_and_other_limits_are_kept()
    {
        Assert.Equal(new ModelLimits { ContextWindow = 131_072, OutputTokens = 8_192 }, Offering("fastinfer", "meta-llama/llama-4-scout").Limits);
        Assert.Equal(new ModelLimits { ContextWindow = 128_000 }, Offering("cloudhost", "llama-3.3-70b@001").Limits);
    }

    [Fact]
    public void Lifecycle_dates_status_availability_and_regions_are_read()
    {
        var acme = Offering("fastinfer", "acme-1");
        Assert.Equal(new OfferingLifecycle { Status = LifecycleStatus.Deprecated, DeprecatedAt = new DateOnly(2026, 1, 15), RetiresAt = new DateOnly(2026, 6, 30) }, acme.Lifecycle);
        Assert.Equal(Availability.Unknown, acme.Availability);

        var scout = Offering("fastinfer", "meta-llama/llama-4-scout");
        Assert.Equal(new OfferingLifecycle { Status = LifecycleStatus.Active }, scout.Lifecycle);
        Assert.Equal(Availability.Available, scout.Availability);
        Assert.Null(scout.Regions);

        var hosted = Offering("cloudhost", "llama-3.3-70b@001");
        Assert.Equal(LifecycleStatus.Preview, hosted.Lifecycle!.Status);
        Assert.Equal(Availability.Restricted, hosted.Availability);
        Assert.Equal(["us-east1", "europe-west4"], hosted.Regions!.Value);
    }

    [Fact]
    public void Feature_flags_keep_true_false_and_unknown_apart()
    {
        var scout = Offering("fastinfer", "meta-llama/llama-4-scout").Features!;
        Assert.True(scout.Flags[Feature.ToolCalls]);
        Assert.False(scout.Flags[Feature.TopK]);          // top_k: false
        Assert.Null(scout.Flags[Feature.Streaming]);      // streaming: null
        Assert.Null(scout.Flags[Feature.Tools]);          // not mentioned
        Assert.Equal([Modality.Text, Modality.Image], scout.InputModalities!.Value);

        var hosted = Offering("cloudhost", "llama-3.3-70b@001").Features!;
        Assert.False(hosted.Flags[Feature.ToolCalls]);
        Assert.Null(hosted.InputModalities);              // no modalities block: unknown, not empty

        var definition = Definition("meta/llama-4-scout").Features!;
        Assert.False(definition.Flags[Feature.N]);        // "n": false (quoted key)
        Assert.Null(definition.Flags[Feature.TopK]);
        Assert.False(definition.Flags[Feature.Reasoning]);
    }

    [Fact]
    public void Timestamps_are_utc_and_null_stays_unknown()
    {
        var scout = Offering("fastinfer", "meta-llama/llama-4-scout");
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 22, 31, 57, TimeSpan.Zero), scout.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 30, 16, 49, 32, TimeSpan.Zero).AddTicks(5_647_730), scout.UpdatedAt);
        Assert.Null(Offering("cloudhost", "llama-3.3-70b@001").CreatedAt);
        Assert.Equal("meta/llama-4-scout", scout.DefinitionId);
        Assert.Equal(["meta"], scout.AuthorIds);
    }

    [Fact]
    public void Definition_metadata_generation_and_controls_are_read()
    {
        var scout = Definition("meta/llama-4-scout");
        Assert.Equal("Llama 4 Scout", scout.Name);
        Assert.Equal(["meta"], scout.AuthorIds);
        Assert.Equal(new DateOnly(2025, 4, 5), scout.Metadata!.ReleaseDate);
        Assert.Equal(new DateOnly(2024, 8, 1), scout.Metadata.KnowledgeCutoff);   // "2024-08"
        Assert.True(scout.Metadata.OpenWeights);
        Assert.Equal([ModelTag.Chat, ModelTag.Vision], scout.Metadata.Tags!.Value); // vlm = vision; prompt_cache dropped
        Assert.Equal(new ModelArchitecture { ParameterCount = "109B", Type = ArchitectureType.Moe }, scout.Metadata.Architecture);
        Assert.Equal(new FloatRange { Min = 0, Max = 2, Default = 0.6 }, scout.Generation!.Temperature);
        Assert.Equal(new IntRange { Min = 1, Max = 100, Default = 40 }, scout.Generation.TopK);
        Assert.Equal("llama", scout.Lineage!.Family);

        Assert.Equal(new DateOnly(2024, 12, 6), Definition("meta/llama/3.3-70b").Metadata!.ReleaseDate); // from a timestamp

        var acme = Definition("acme-ai/acme-1");
        Assert.Null(acme.Metadata!.ReleaseDate);
        Assert.False(acme.Metadata.OpenWeights);                                    // known false, not unknown
        Assert.Equal(new ControlLevels { Levels = [ControlLevel.Low, ControlLevel.Medium, ControlLevel.High], Default = ControlLevel.Medium }, acme.Reasoning);
        Assert.Equal(new IntRange { Min = 1024, Max = 32768 }, acme.ReasoningTokens);
        Assert.Equal(["auto", "none"], acme.Tools!.ToolChoices!.Value);
        Assert.Equal("low", acme.Tools.WebSearch!.DefaultContextSize);
        Assert.Equal([ResponseFormat.Text, ResponseFormat.JsonSchema], acme.Delivery!.Formats!.Value);
        Assert.Equal([StreamingKind.Sse], acme.Delivery.Streaming!.Value);
    }

    [Fact]
    public void Provider_credentials_become_auth_metadata_and_templated_urls_take_the_bound_default()
    {
        var provider = Provider("fastinfer");
        Assert.Equal(["fast-infer"], provider.Aliases);
        var auth = provider.Auth!;
        Assert.Equal(["FASTINFER_API_KEY", "FASTINFER_TOKEN"], auth.ApiKeyEnvVars);
        Assert.Equal("^fi-", auth.ApiKeyPattern);
        Assert.Equal("Authorization", auth.Header);
        Assert.Equal(AuthScheme.Bearer, auth.Scheme);
        Assert.True(auth.KeyRequired);
        Assert.Equal(
            [
                new ProviderEnvVar { Name = "FASTINFER_BASE_URL", Required = false },    // has a default
                new ProviderEnvVar { Name = "FASTINFER_PROJECT", Required = true, Description = "Project to bill" },
            ],
            auth.EnvVars);

        var endpoint = provider.Catalog!.Endpoint!;
        Assert.Equal(CatalogEndpointType.OpenAI, endpoint.Type);
        Assert.Equal("https://api.fastinfer.example/v1/models", endpoint.Url);            // "{base_url}/v1/models"
        Assert.Equal([new FieldMapping { From = "context_window", To = "limits.context_window" }], endpoint.FieldMappings);
        Assert.Equal(Feature.ToolCalls, Assert.Single(endpoint.FeatureRules).Feature);
        Assert.Equal("owned_by", endpoint.AuthorMapping!.Field);

        var inference = provider.Inference!;
        Assert.Equal("https://api.fastinfer.example/v1", inference.BaseUrl);
        Assert.Equal("https://api.fastinfer.example/v1/chat/completions", Assert.Single(inference.Endpoints).Url);
        Assert.Equal([new HealthComponent { Id = "abc123", Name = "API" }], inference.HealthComponents);

        Assert.Equal(new PrivacyPolicy { PrivacyPolicyUrl = "https://fastinfer.example/privacy", RetainsData = false }, provider.PrivacyPolicy);
        Assert.Null(provider.PrivacyPolicy!.TrainsOnData);
        Assert.Equal(new RetentionPolicy { Type = RetentionType.Fixed, Duration = TimeSpan.FromDays(30), Details = "Deleted after 30 days" }, provider.RetentionPolicy);
        Assert.Equal(new GovernancePolicy { ModerationRequired = false, Moderated = true, Moderator = "fastinfer" }, provider.GovernancePolicy);
    }

    [Fact]
    public void Anthropic_version_becomes_a_static_header_and_an_optional_catalog_key_is_not_required()
    {
        var auth = Provider("cloudhost").Auth!;
        Assert.Equal("x-api-key", auth.Header);
        Assert.Equal(AuthScheme.Direct, auth.Scheme);
        Assert.False(auth.KeyRequired);
        Assert.Equal([new HeaderValue { Name = "anthropic-version", Value = "2023-06-01" }], auth.StaticHeaders);
        Assert.Equal(CatalogEndpointType.Anthropic, Provider("cloudhost").Catalog!.Endpoint!.Type);
    }

    [Fact]
    public void Author_links_and_attribution_rules_are_read()
    {
        var acme = Catalog.Authors[0].Author;
        Assert.Equal(new AuthorLinks { Website = "https://acme.example" }, acme.Links);
        Assert.Equal([new AttributionRule { ProviderId = "cloudhost", Patterns = ["acme-*"] }], acme.Attribution);

        var meta = Catalog.Authors[1].Author;
        Assert.Equal(["meta-llama"], meta.Aliases);
        Assert.Equal("Menlo Park, CA, USA", meta.Headquarters);
        Assert.Equal(new AuthorLinks { Website = "https://ai.meta.com", HuggingFace = "https://huggingface.co/meta-llama", GitHub = "https://github.com/meta-llama" }, meta.Links);
        Assert.Equal([new AttributionRule { Patterns = ["llama-*", "*-llama-*"] }], meta.Attribution);
    }

    [Fact]
    public void What_the_records_cannot_hold_is_reported_once_per_kind()
    {
        string[] expected =
        [
            "author ID 'acme.ai' is imported as 'acme-ai'",
            "authors.yaml: key 'catalog.description' is not modelled; kept as written for export",
            "limits.input_tokens: 0 (Starmap's 'not set') is imported as unknown",
            "metadata.tags: 'prompt_cache' has no equivalent tag",
            "offering files: key 'extensions' is not modelled; kept as written for export",
            "pricing.tiers are sorted by size",
            "pricing: a token cost without per_1m or per_token is imported as unknown",
            "providers.yaml: key 'catalog.endpoint.protocol_options.openai' is not modelled; kept as written for export",
            "providers.yaml: key 'extensions' is not modelled; kept as written for export",
        ];
        foreach (var start in expected)
        {
            Assert.Single(Catalog.Warnings, w => w.StartsWith(start, StringComparison.Ordinal));
        }
        // The dotted ID appears in six places but is one kind of warning, with the count and first place.
        Assert.Contains(Catalog.Warnings, w => w.StartsWith("author ID 'acme.ai'", StringComparison.Ordinal) && w.EndsWith("first at providers.yaml:73)", StringComparison.Ordinal));
        Assert.Equal(Catalog.Warnings.Order(StringComparer.Ordinal), Catalog.Warnings);
    }
}
