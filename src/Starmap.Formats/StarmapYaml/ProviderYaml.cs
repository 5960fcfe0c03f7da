using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

// The shape of one entry of Starmap's providers.yaml (HEAD layout). Keys Starmap has that the records
// cannot hold (extensions, capability_mappings...) are not declared, so an import reports them once.

internal sealed class ProviderYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("aliases")] public List<string>? Aliases { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
    [YamlKey("description")] public string? Description { get; set; }
    [YamlKey("docs_url")] public string? DocsUrl { get; set; }
    [YamlKey("headquarters")] public string? Headquarters { get; set; }
    [YamlKey("icon_url")] public string? IconUrl { get; set; }
    [YamlKey("credentials")] public CredentialsYaml? Credentials { get; set; }
    [YamlKey("catalog")] public ProviderCatalogYaml? Catalog { get; set; }
    [YamlKey("status_page_url")] public string? StatusPageUrl { get; set; }
    [YamlKey("inference")] public InferenceYaml? Inference { get; set; }
    [YamlKey("privacy_policy")] public PrivacyPolicyYaml? PrivacyPolicy { get; set; }
    [YamlKey("retention_policy")] public RetentionPolicyYaml? RetentionPolicy { get; set; }
    [YamlKey("governance_policy")] public GovernancePolicyYaml? GovernancePolicy { get; set; }
}

internal sealed class ProviderCatalogYaml : YamlDto
{
    [YamlKey("docs")] public string? Docs { get; set; }
    [YamlKey("endpoint")] public CatalogEndpointYaml? Endpoint { get; set; }
    [YamlKey("authors")] public List<string>? Authors { get; set; }
}

internal sealed class CatalogEndpointYaml : YamlDto
{
    [YamlKey("type")] public string? Type { get; set; }
    [YamlKey("url")] public string? Url { get; set; }
    [YamlKey("protocol_options")] public ProtocolOptionsYaml? ProtocolOptions { get; set; }
    [YamlKey("field_mappings")] public List<FieldMappingYaml>? FieldMappings { get; set; }
    [YamlKey("feature_rules")] public List<FeatureRuleYaml>? FeatureRules { get; set; }
    [YamlKey("author_mapping")] public AuthorMappingYaml? AuthorMapping { get; set; }
}

/// <summary>Only <c>anthropic.version</c> maps (to the <c>anthropic-version</c> header); openai's price unit does not.</summary>
internal sealed class ProtocolOptionsYaml : YamlDto
{
    [YamlKey("anthropic")] public AnthropicOptionsYaml? Anthropic { get; set; }
}

internal sealed class AnthropicOptionsYaml : YamlDto
{
    [YamlKey("version")] public string? Version { get; set; }
}

internal sealed class FieldMappingYaml : YamlDto
{
    [YamlKey("from")] public string? From { get; set; }
    [YamlKey("to")] public string? To { get; set; }
}

internal sealed class FeatureRuleYaml : YamlDto
{
    [YamlKey("field")] public string? Field { get; set; }
    [YamlKey("contains")] public List<string>? Contains { get; set; }
    [YamlKey("feature")] public string? Feature { get; set; }
    [YamlKey("value")] public bool? Value { get; set; }
}

internal sealed class AuthorMappingYaml : YamlDto
{
    [YamlKey("field")] public string? Field { get; set; }

    /// <summary>Raw value (or glob) → author ID, in file order: the first match wins, so order is data.</summary>
    [YamlKey("normalized")] public List<KeyValuePair<string, string>>? Normalized { get; set; }
}

internal sealed class InferenceYaml : YamlDto
{
    [YamlKey("base_url")] public string? BaseUrl { get; set; }

    /// <summary>Not in Starmap's HEAD files (ba had <c>chat_completions.url</c>); written only when set.</summary>
    [YamlKey("chat_completions_url")] public string? ChatCompletionsUrl { get; set; }
    [YamlKey("endpoints")] public List<InferenceEndpointYaml>? Endpoints { get; set; }
    [YamlKey("health_api_url")] public string? HealthApiUrl { get; set; }
    [YamlKey("health_components")] public List<HealthComponentYaml>? HealthComponents { get; set; }

    /// <summary>Not in Starmap's files (models.dev's npm): the AI SDK package; written only when set.</summary>
    [YamlKey("sdk_package")] public string? SdkPackage { get; set; }
}

internal sealed class InferenceEndpointYaml : YamlDto
{
    [YamlKey("operation")] public string? Operation { get; set; }
    [YamlKey("type")] public string? Type { get; set; }

    /// <summary>Relative to <c>base_url</c>, or an absolute URL.</summary>
    [YamlKey("path")] public string? Path { get; set; }
    [YamlKey("stream_path")] public string? StreamPath { get; set; }
}

internal sealed class HealthComponentYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
}
