namespace Starmap.Grains.Tests;

/// <summary>Realistic records for tests.</summary>
public static class Samples
{
    public static Provider Provider(string id, string? name = null) => new()
    {
        Id = id,
        Name = name ?? $"Provider {id}",
        Description = "A test provider",
        Headquarters = "Somewhere",
        DocsUrl = "https://example.com/docs",
        StatusPageUrl = "https://status.example.com",
        Aliases = [id + "-alias"],
        Auth = new ProviderAuth
        {
            ApiKeyEnvVars = ["TEST_API_KEY"],
            Header = "Authorization",
            Scheme = AuthScheme.Bearer,
        },
        Catalog = new ProviderCatalogConfig
        {
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenAI,
                Url = "https://api.example.com/v1/models",
                FieldMappings = [new FieldMapping { From = "context_window", To = "limits.context_window" }],
            },
        },
        Inference = new ProviderInference
        {
            ChatCompletionsUrl = "https://api.example.com/v1/chat/completions",
            Endpoints = [new InferenceEndpoint { Operation = "chat-completions", Type = "openai", Url = "https://api.example.com/v1/chat/completions" }],
        },
    };

    public static Offering Offering(string providerId, string modelId, decimal? input = 1.25m, decimal? output = 10m, long? context = 128_000) => new()
    {
        ProviderId = providerId,
        ModelId = modelId,
        Name = $"Model {modelId}",
        Pricing = input is null && output is null ? null : new ModelPricing
        {
            Tokens = new TokenPrices { Input = input, Output = output, CacheRead = 0.125m },
        },
        Limits = context is null ? null : new ModelLimits { ContextWindow = context, OutputTokens = 16_384 },
        Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active },
        Availability = Availability.Available,
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text, Modality.Image],
            OutputModalities = [Modality.Text],
            Flags = FeatureFlags.Supporting(Feature.ToolCalls, Feature.Streaming),
        },
    };

    public static Author Author(string id) => new()
    {
        Id = id,
        Name = $"Author {id}",
        Links = new AuthorLinks { Website = "https://example.com" },
    };

    public static ModelDefinition Definition(string authorId, string slug) => new()
    {
        Id = $"{authorId}/{slug}",
        Name = $"Definition {slug}",
        AuthorIds = [authorId],
        Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 3, 1), OpenWeights = false },
        Features = new ModelFeatures
        {
            InputModalities = [Modality.Text],
            OutputModalities = [Modality.Text],
            Flags = FeatureFlags.From([KeyValuePair.Create(Feature.Reasoning, true), KeyValuePair.Create(Feature.Temperature, false)]),
        },
    };
}
