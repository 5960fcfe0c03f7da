namespace Starmap;

/// <summary>
/// A company or service that serves models over an API. Holds connection metadata only: how to
/// authenticate (which environment variables, header, scheme) but never a secret value.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.provider")]
public sealed record Provider
{
    /// <summary>Lower-case kebab-case ID, e.g. <c>google-ai-studio</c>.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Other IDs (e.g. models.dev keys) that name this provider.</summary>
    [Id(1)] public EquatableArray<string> Aliases { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>Description.</summary>
    [Id(3)] public string? Description { get; init; }

    /// <summary>Headquarters, e.g. "San Francisco, CA, USA".</summary>
    [Id(4)] public string? Headquarters { get; init; }

    /// <summary>Icon or logo URL.</summary>
    [Id(5)] public string? IconUrl { get; init; }

    /// <summary>API documentation URL.</summary>
    [Id(6)] public string? DocsUrl { get; init; }

    /// <summary>Status page URL.</summary>
    [Id(7)] public string? StatusPageUrl { get; init; }

    /// <summary>How to authenticate (metadata only).</summary>
    [Id(8)] public ProviderAuth? Auth { get; init; }

    /// <summary>Where and how to list the provider's models.</summary>
    [Id(9)] public ProviderCatalogConfig? Catalog { get; init; }

    /// <summary>Inference (chat completions) URLs and health API.</summary>
    [Id(10)] public ProviderInference? Inference { get; init; }

    /// <summary>Privacy policy.</summary>
    [Id(11)] public PrivacyPolicy? PrivacyPolicy { get; init; }

    /// <summary>Data retention policy.</summary>
    [Id(12)] public RetentionPolicy? RetentionPolicy { get; init; }

    /// <summary>Moderation and governance.</summary>
    [Id(13)] public GovernancePolicy? GovernancePolicy { get; init; }

    /// <summary>What its catalog entry held that the record does not model, kept for export.</summary>
    [Id(40)] public EquatableArray<UnmodelledValue> Unmodelled { get; init; }
}

/// <summary>How a provider authenticates. Names of variables and headers only, never values.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-auth")]
public sealed record ProviderAuth
{
    /// <summary>Environment variables that may hold the API key; the first one set wins.</summary>
    [Id(0)] public EquatableArray<string> ApiKeyEnvVars { get; init; }

    /// <summary>Regular expression a key must match; null accepts any.</summary>
    [Id(1)] public string? ApiKeyPattern { get; init; }

    /// <summary>Header that carries the key; null means <c>Authorization</c>.</summary>
    [Id(2)] public string? Header { get; init; }

    /// <summary>Prefix scheme in the header.</summary>
    [Id(3)] public AuthScheme Scheme { get; init; } = AuthScheme.Bearer;

    /// <summary>Query parameter that carries the key instead of a header.</summary>
    [Id(4)] public string? QueryParameter { get; init; }

    /// <summary>True when listing models needs a key.</summary>
    [Id(5)] public bool KeyRequired { get; init; } = true;

    /// <summary>Other environment variables (project, region...).</summary>
    [Id(6)] public EquatableArray<ProviderEnvVar> EnvVars { get; init; }

    /// <summary>Extra headers every request carries (e.g. <c>anthropic-version</c>); never secrets.</summary>
    [Id(7)] public EquatableArray<HeaderValue> StaticHeaders { get; init; }
}

/// <summary>An environment variable a provider reads (a parameter, not a secret value).</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-env-var")]
public sealed record ProviderEnvVar
{
    /// <summary>Variable name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>True when the provider cannot work without it.</summary>
    [Id(1)] public bool Required { get; init; }

    /// <summary>What it holds.</summary>
    [Id(2)] public string? Description { get; init; }

    /// <summary>Regular expression a value must match.</summary>
    [Id(3)] public string? Pattern { get; init; }
}

/// <summary>A fixed, non-secret request header.</summary>
[GenerateSerializer, Immutable, Alias("starmap.header-value")]
public sealed record HeaderValue
{
    /// <summary>Header name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Header value.</summary>
    [Id(1)] public required string Value { get; init; }
}

/// <summary>Where a provider lists its models and how to read the list.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-catalog")]
public sealed record ProviderCatalogConfig
{
    /// <summary>Documentation of the models list.</summary>
    [Id(0)] public string? DocsUrl { get; init; }

    /// <summary>The list-models endpoint.</summary>
    [Id(1)] public CatalogEndpoint? Endpoint { get; init; }

    /// <summary>Authors whose models the provider hosts.</summary>
    [Id(2)] public EquatableArray<string> Authors { get; init; }
}

/// <summary>A list-models endpoint and how its fields map onto offerings.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-endpoint")]
public sealed record CatalogEndpoint
{
    /// <summary>API family.</summary>
    [Id(0)] public CatalogEndpointType Type { get; init; }

    /// <summary>Absolute URL of the list.</summary>
    [Id(1)] public required string Url { get; init; }

    /// <summary>Copy response fields into model fields, e.g. <c>context_window → limits.context_window</c>.</summary>
    [Id(2)] public EquatableArray<FieldMapping> FieldMappings { get; init; }

    /// <summary>Set features by substrings of the model ID.</summary>
    [Id(3)] public EquatableArray<FeatureRule> FeatureRules { get; init; }

    /// <summary>How to tell the author of a listed model.</summary>
    [Id(4)] public AuthorMapping? AuthorMapping { get; init; }
}

/// <summary>Copies response field <see cref="From"/> into model field <see cref="To"/>.</summary>
[GenerateSerializer, Immutable, Alias("starmap.field-mapping")]
public sealed record FieldMapping
{
    /// <summary>Response field, e.g. <c>context_window</c>.</summary>
    [Id(0)] public required string From { get; init; }

    /// <summary>Model field, e.g. <c>limits.context_window</c>.</summary>
    [Id(1)] public required string To { get; init; }
}

/// <summary>Sets <see cref="Feature"/> to <see cref="Value"/> when <see cref="Field"/> contains any substring (case-insensitive).</summary>
[GenerateSerializer, Immutable, Alias("starmap.feature-rule")]
public sealed record FeatureRule
{
    /// <summary>Response field to test (usually <c>id</c>).</summary>
    [Id(0)] public string Field { get; init; } = "id";

    /// <summary>Substrings; any one matches.</summary>
    [Id(1)] public EquatableArray<string> Contains { get; init; }

    /// <summary>The feature to set.</summary>
    [Id(2)] public Feature Feature { get; init; }

    /// <summary>The value to set.</summary>
    [Id(3)] public bool Value { get; init; } = true;
}

/// <summary>How to tell the author of a listed model from a response field.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author-mapping")]
public sealed record AuthorMapping
{
    /// <summary>Response field: <c>owned_by</c> or <c>id</c>.</summary>
    [Id(0)] public string Field { get; init; } = "owned_by";

    /// <summary>Raw values mapped to author IDs.</summary>
    [Id(1)] public EquatableArray<AuthorAlias> Normalized { get; init; }
}

/// <summary>A raw author string and the author ID it stands for.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author-alias")]
public sealed record AuthorAlias
{
    /// <summary>Raw value as the API spells it.</summary>
    [Id(0)] public required string Raw { get; init; }

    /// <summary>Author ID.</summary>
    [Id(1)] public required string AuthorId { get; init; }
}

/// <summary>Inference URLs and health reporting of a provider.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-inference")]
public sealed record ProviderInference
{
    /// <summary>API base URL.</summary>
    [Id(0)] public string? BaseUrl { get; init; }

    /// <summary>Chat completions URL.</summary>
    [Id(1)] public string? ChatCompletionsUrl { get; init; }

    /// <summary>statuspage.io <c>summary.json</c> URL.</summary>
    [Id(2)] public string? HealthApiUrl { get; init; }

    /// <summary>Status page components to watch.</summary>
    [Id(3)] public EquatableArray<HealthComponent> HealthComponents { get; init; }

    /// <summary>Inference endpoints by operation.</summary>
    [Id(4)] public EquatableArray<InferenceEndpoint> Endpoints { get; init; }

    /// <summary>
    /// The SDK package that talks to this API, as models.dev names it (an AI SDK npm package such as
    /// <c>@ai-sdk/openai</c>); null when unknown.
    /// </summary>
    [Id(40)] public string? SdkPackage { get; init; }
}

/// <summary>A status page component.</summary>
[GenerateSerializer, Immutable, Alias("starmap.health-component")]
public sealed record HealthComponent
{
    /// <summary>Component ID on the status page.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Component name.</summary>
    [Id(1)] public string? Name { get; init; }
}

/// <summary>An inference endpoint of a provider for one operation.</summary>
[GenerateSerializer, Immutable, Alias("starmap.inference-endpoint")]
public sealed record InferenceEndpoint
{
    /// <summary>Operation: chat-completions, responses, messages, embeddings...</summary>
    [Id(0)] public required string Operation { get; init; }

    /// <summary>Wire protocol family, e.g. openai, anthropic, google.</summary>
    [Id(1)] public string? Type { get; init; }

    /// <summary>Absolute URL.</summary>
    [Id(2)] public required string Url { get; init; }

    /// <summary>Streaming URL when it differs.</summary>
    [Id(3)] public string? StreamUrl { get; init; }
}

/// <summary>Privacy terms of a provider; null members are unknown.</summary>
[GenerateSerializer, Immutable, Alias("starmap.privacy-policy")]
public sealed record PrivacyPolicy
{
    /// <summary>Privacy policy URL.</summary>
    [Id(0)] public string? PrivacyPolicyUrl { get; init; }

    /// <summary>Terms of service URL.</summary>
    [Id(1)] public string? TermsOfServiceUrl { get; init; }

    /// <summary>True when request data is retained.</summary>
    [Id(2)] public bool? RetainsData { get; init; }

    /// <summary>True when request data trains models.</summary>
    [Id(3)] public bool? TrainsOnData { get; init; }
}

/// <summary>How long a provider keeps request data.</summary>
[GenerateSerializer, Immutable, Alias("starmap.retention-policy")]
public sealed record RetentionPolicy
{
    /// <summary>Kind of retention.</summary>
    [Id(0)] public RetentionType Type { get; init; }

    /// <summary>Duration for <see cref="RetentionType.Fixed"/>; zero means immediate deletion.</summary>
    [Id(1)] public TimeSpan? Duration { get; init; }

    /// <summary>Details.</summary>
    [Id(2)] public string? Details { get; init; }
}

/// <summary>Moderation of a provider.</summary>
[GenerateSerializer, Immutable, Alias("starmap.governance-policy")]
public sealed record GovernancePolicy
{
    /// <summary>True when moderation is required.</summary>
    [Id(0)] public bool? ModerationRequired { get; init; }

    /// <summary>True when requests are moderated.</summary>
    [Id(1)] public bool? Moderated { get; init; }

    /// <summary>Who moderates (a provider or vendor ID).</summary>
    [Id(2)] public string? Moderator { get; init; }
}
