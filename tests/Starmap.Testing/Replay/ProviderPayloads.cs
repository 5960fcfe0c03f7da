using System.Text.Json.Nodes;

namespace Starmap.Testing;

/// <summary>Provider API responses in their real wire shapes, for a replay server to serve.</summary>
public static class ProviderPayloads
{
    /// <summary>An OpenAI-style <c>GET /v1/models</c> list; <paramref name="contextWindow"/> adds groq's field.</summary>
    public static string OpenAiList(IEnumerable<string> ids, int? contextWindow = null) => new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(ids.Select(id =>
        {
            var model = new JsonObject
            {
                ["id"] = id,
                ["object"] = "model",
                ["created"] = 1_735_689_600,
                ["owned_by"] = "acme",
            };
            if (contextWindow is { } window)
            {
                model["context_window"] = window;
            }
            return (JsonNode)model;
        }).ToArray()),
    }.ToJsonString();
}
