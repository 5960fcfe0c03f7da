using Starmap.Testing;

namespace Starmap.Sources.Tests.Support;

/// <summary>Provider configs shaped like the built-in catalog's, pointed at a replay server.</summary>
internal static class TestProviders
{
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static Provider OpenAI(ReplayServer server, string path = "/v1/models") => new()
    {
        Id = "openai",
        Name = "OpenAI",
        Auth = new ProviderAuth { ApiKeyEnvVars = ["OPENAI_API_KEY"], ApiKeyPattern = "^sk-", Scheme = AuthScheme.Bearer },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["openai"],
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenAI,
                Url = server.Url(path),
                AuthorMapping = new AuthorMapping
                {
                    Field = "owned_by",
                    Normalized = [new() { Raw = "system", AuthorId = "openai" }, new() { Raw = "openai", AuthorId = "openai" }, new() { Raw = "openai-internal", AuthorId = "openai" }],
                },
            },
        },
    };

    public static Provider Groq(ReplayServer server) => new()
    {
        Id = "groq",
        Name = "Groq",
        Auth = new ProviderAuth { ApiKeyEnvVars = ["GROQ_API_KEY"], Scheme = AuthScheme.Bearer },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["meta", "openai", "qwen"],
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenAI,
                Url = server.Url("/openai/v1/models"),
                FieldMappings = [new() { From = "context_window", To = "limits.context_window" }, new() { From = "max_completion_tokens", To = "limits.output_tokens" }],
                FeatureRules =
                [
                    new() { Field = "id", Contains = ["LLAMA"], Feature = Feature.Tools },
                    new() { Field = "id", Contains = ["r1"], Feature = Feature.Reasoning },
                    new() { Field = "owned_by", Contains = ["deepseek"], Feature = Feature.ToolCalls, Value = false },
                ],
                AuthorMapping = new AuthorMapping { Field = "owned_by", Normalized = [new() { Raw = "Meta", AuthorId = "meta" }, new() { Raw = "openai", AuthorId = "openai" }] },
            },
        },
    };

    public static Provider Anthropic(ReplayServer server) => new()
    {
        Id = "anthropic",
        Name = "Anthropic",
        Auth = new ProviderAuth
        {
            ApiKeyEnvVars = ["ANTHROPIC_API_KEY"],
            ApiKeyPattern = "^sk-ant-",
            Header = "x-api-key",
            Scheme = AuthScheme.Direct,
            StaticHeaders = [new() { Name = "anthropic-version", Value = "2023-06-01" }],
        },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["anthropic"],
            Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.Anthropic, Url = server.Url("/v1/models") },
        },
    };

    public static Provider Google(ReplayServer server) => new()
    {
        Id = "google-ai-studio",
        Aliases = ["google"],
        Name = "Google AI Studio",
        Auth = new ProviderAuth { ApiKeyEnvVars = ["GOOGLE_API_KEY", "GEMINI_API_KEY"], Header = "x-goog-api-key", Scheme = AuthScheme.Direct },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["google"],
            Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.Google, Url = server.Url("/v1beta/models") },
        },
    };

    public static Provider OpenRouter(ReplayServer server) => new()
    {
        Id = "openrouter",
        Name = "OpenRouter",
        Auth = new ProviderAuth { ApiKeyEnvVars = ["OPENROUTER_API_KEY"], ApiKeyPattern = "^sk-or-", Scheme = AuthScheme.Bearer, KeyRequired = false },
        Catalog = new ProviderCatalogConfig
        {
            Authors = ["openai", "meta"],
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenRouter,
                Url = server.Url("/api/v1/models"),
                AuthorMapping = new AuthorMapping { Field = "id", Normalized = [new() { Raw = "openai", AuthorId = "openai" }, new() { Raw = "meta-llama", AuthorId = "meta" }] },
            },
        },
    };

    /// <summary>A seed provider with its list URL moved onto <paramref name="server"/> at <paramref name="path"/>.</summary>
    public static Provider PointedAt(Provider provider, ReplayServer server, string path)
    {
        var endpoint = provider.Catalog!.Endpoint! with { Url = server.Url(path) };
        return provider with { Catalog = provider.Catalog with { Endpoint = endpoint } };
    }

    public static ObservedModel Model(this SourceObservation observation, string id) =>
        observation.Models.Single(m => m.ModelId == id);
}
