using Starmap.Testing;
using System.Text.Json.Nodes;

namespace Starmap.Grains.Tests.Sync;

/// <summary>Small responses in the real wire shapes.</summary>
public static class SyncPayloads
{
    public static string OpenAiList(params string[] ids) => ProviderPayloads.OpenAiList(ids, contextWindow: 131_072);

    /// <summary>models.dev with one provider (keyed by <paramref name="providerId"/>) and priced models.</summary>
    public static string ModelsDev(string providerId, params (string Id, decimal Input, decimal Output)[] models) => new JsonObject
    {
        [providerId] = new JsonObject
        {
            ["id"] = providerId,
            ["env"] = new JsonArray("ACME_API_KEY"),
            ["npm"] = "@ai-sdk/openai-compatible",
            ["name"] = "Acme",
            ["doc"] = "https://acme.example/docs",
            ["models"] = new JsonObject(models.Select(m => KeyValuePair.Create(m.Id, (JsonNode?)new JsonObject
            {
                ["id"] = m.Id,
                ["name"] = $"Acme {m.Id}",
                ["attachment"] = false,
                ["reasoning"] = false,
                ["tool_call"] = true,
                ["temperature"] = true,
                ["release_date"] = "2025-01-15",
                ["last_updated"] = "2025-02-01",
                ["modalities"] = new JsonObject { ["input"] = new JsonArray("text"), ["output"] = new JsonArray("text") },
                ["open_weights"] = true,
                ["cost"] = new JsonObject { ["input"] = m.Input, ["output"] = m.Output },
                ["limit"] = new JsonObject { ["context"] = 128_000, ["output"] = 8_192 },
            }))),
        },
    }.ToJsonString();

    public static Provider Provider(string id, string listUrl, bool keyRequired = true) => new()
    {
        Id = id,
        Name = $"Acme {id}",
        Auth = new ProviderAuth { ApiKeyEnvVars = [$"{id.ToUpperInvariant().Replace('-', '_')}_KEY"], KeyRequired = keyRequired },
        Catalog = new ProviderCatalogConfig
        {
            Endpoint = new CatalogEndpoint
            {
                Type = CatalogEndpointType.OpenAI,
                Url = listUrl,
                FieldMappings = [new FieldMapping { From = "context_window", To = "limits.context_window" }],
            },
        },
    };

    public static string KeyVariable(string providerId) => $"{providerId.ToUpperInvariant().Replace('-', '_')}_KEY";
}
