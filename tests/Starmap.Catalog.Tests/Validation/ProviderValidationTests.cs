using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

public sealed class ProviderValidationTests
{
    private static readonly Provider Full = new()
    {
        Id = "openai",
        Name = "OpenAI",
        Aliases = ["open-ai"],
        IconUrl = "https://openai.com/icon.svg",
        DocsUrl = "https://platform.openai.com/docs",
        StatusPageUrl = "http://status.openai.com",
        Auth = new ProviderAuth
        {
            ApiKeyEnvVars = ["OPENAI_API_KEY", "_ALT_KEY2"],
            ApiKeyPattern = "^sk-[A-Za-z0-9_-]+$",
            EnvVars = [new ProviderEnvVar { Name = "OPENAI_ORG", Pattern = "^org-" }],
        },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["openai"],
            Endpoint = new CatalogEndpoint
            {
                Url = "https://api.openai.com/v1/models",
                FieldMappings = [new FieldMapping { From = "context_window", To = "limits.context_window" }],
                FeatureRules = [new FeatureRule { Contains = ["o1", "o3"], Feature = Feature.Reasoning }],
                AuthorMapping = new AuthorMapping { Normalized = [new AuthorAlias { Raw = "system", AuthorId = "openai" }] },
            },
        },
        Inference = new ProviderInference
        {
            ChatCompletionsUrl = "https://api.openai.com/v1/chat/completions",
            Endpoints = [new InferenceEndpoint { Operation = "responses", Url = "https://api.openai.com/v1/responses" }],
        },
        RetentionPolicy = new RetentionPolicy { Type = RetentionType.Fixed, Duration = TimeSpan.FromDays(30) },
    };

    [Fact]
    public void A_complete_valid_provider_passes() => CatalogValidator.Validate(Full);

    [Fact]
    public void Zero_retention_means_immediate_deletion_and_is_valid() =>
        CatalogValidator.Validate(Full with { RetentionPolicy = new RetentionPolicy { Type = RetentionType.Fixed, Duration = TimeSpan.Zero } });

    public static TheoryData<string, Func<Provider, Provider>> Broken => new()
    {
        { "provider.id", p => p with { Id = "Open AI" } },
        { "provider.name", p => p with { Name = "  " } },
        { "provider.name", p => p with { Name = new string('n', 201) } },
        { "provider.aliases[0]", p => p with { Aliases = ["Open_AI"] } },
        { "provider.aliases[1]", p => p with { Aliases = ["open-ai", "open-ai"] } },
        { "provider.aliases[0]", p => p with { Aliases = ["openai"] } },
        { "provider.icon_url", p => p with { IconUrl = "/icon.svg" } },
        { "provider.docs_url", p => p with { DocsUrl = "ftp://openai.com/docs" } },
        { "provider.status_page_url", p => p with { StatusPageUrl = "status.openai.com" } },
        { "provider.auth.api_key_env_vars[1]", p => p with { Auth = p.Auth! with { ApiKeyEnvVars = ["OK", "1BAD"] } } },
        { "provider.auth.api_key_env_vars[0]", p => p with { Auth = p.Auth! with { ApiKeyEnvVars = ["OPENAI-KEY"] } } },
        { "provider.auth.api_key_pattern", p => p with { Auth = p.Auth! with { ApiKeyPattern = "sk-[" } } },
        { "provider.auth.env_vars[0].name", p => p with { Auth = p.Auth! with { EnvVars = [new ProviderEnvVar { Name = "A B" }] } } },
        { "provider.auth.env_vars[0].pattern", p => p with { Auth = p.Auth! with { EnvVars = [new ProviderEnvVar { Name = "A", Pattern = "(" }] } } },
        { "provider.catalog.authors[0]", p => p with { Catalog = p.Catalog! with { Authors = ["Meta"] } } },
        { "provider.catalog.endpoint.url", p => p with { Catalog = p.Catalog! with { Endpoint = p.Catalog!.Endpoint! with { Url = "v1/models" } } } },
        { "provider.catalog.endpoint.field_mappings[0].from", p => WithEndpoint(p, e => e with { FieldMappings = [new FieldMapping { From = "", To = "limits.context_window" }] }) },
        { "provider.catalog.endpoint.field_mappings[0].to", p => WithEndpoint(p, e => e with { FieldMappings = [new FieldMapping { From = "ctx", To = " " }] }) },
        { "provider.catalog.endpoint.feature_rules[0].contains", p => WithEndpoint(p, e => e with { FeatureRules = [new FeatureRule { Feature = Feature.Tools }] }) },
        { "provider.catalog.endpoint.feature_rules[0].contains[1]", p => WithEndpoint(p, e => e with { FeatureRules = [new FeatureRule { Contains = ["o1", ""] }] }) },
        { "provider.catalog.endpoint.author_mapping.normalized[0].author_id", p => WithEndpoint(p, e => e with { AuthorMapping = new AuthorMapping { Normalized = [new AuthorAlias { Raw = "x", AuthorId = "Meta AI" }] } }) },
        { "provider.inference.chat_completions_url", p => p with { Inference = p.Inference! with { ChatCompletionsUrl = "https:///v1" } } },
        { "provider.inference.endpoints[0].url", p => p with { Inference = p.Inference! with { Endpoints = [new InferenceEndpoint { Operation = "responses", Url = "/v1/responses" }] } } },
        { "provider.inference.endpoints[1].operation", p => p with { Inference = p.Inference! with { Endpoints = [.. p.Inference!.Endpoints, p.Inference!.Endpoints[0]] } } },
        { "provider.inference.endpoints[0].operation", p => p with { Inference = p.Inference! with { Endpoints = [new InferenceEndpoint { Operation = "Chat Completions", Url = "https://x.ai" }] } } },
        { "provider.privacy_policy.terms_of_service_url", p => p with { PrivacyPolicy = new PrivacyPolicy { TermsOfServiceUrl = "javascript:alert(1)" } } },
        { "provider.retention_policy.duration", p => p with { RetentionPolicy = new RetentionPolicy { Duration = TimeSpan.FromHours(-1) } } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_names_its_field(string field, Func<Provider, Provider> breakIt)
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(breakIt(Full)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Alias_equal_to_the_id_says_why()
    {
        var error = TestData.Invalid(() => CatalogValidator.Validate(Full with { Aliases = ["openai"] }));
        Assert.Equal("openai", error.Value);
        Assert.Contains("must differ", error.Reason, StringComparison.Ordinal);
    }

    private static Provider WithEndpoint(Provider provider, Func<CatalogEndpoint, CatalogEndpoint> change) =>
        provider with { Catalog = provider.Catalog! with { Endpoint = change(provider.Catalog!.Endpoint!) } };
}
