using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap.Catalog.Formats;

/// <summary>The OpenAI <c>GET /v1/models</c> list: <c>{"object":"list","data":[...]}</c>.</summary>
public sealed record OpenAIModelList
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")] public string Object { get; init; } = "list";

    /// <summary>The models.</summary>
    [JsonPropertyName("data")] public EquatableArray<OpenAIModel> Data { get; init; }

    /// <summary>
    /// One entry per model, sorted by provider then model ID. <c>id</c> is the provider's model ID (what
    /// a client sends to that provider); <c>created</c> is when the catalog first recorded the offering,
    /// else the release date, else 0; <c>owned_by</c> is the credited author IDs joined by commas, or
    /// <c>system</c> when none is known (as Starmap does).
    /// </summary>
    public static OpenAIModelList From(IEnumerable<CatalogModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new OpenAIModelList
        {
            Data = InteropOrder.Sort(models).Select(m => new OpenAIModel
            {
                Id = m.ModelId,
                Created = InteropOrder.Created(m),
                OwnedBy = m.AuthorIds.IsEmpty ? "system" : string.Join(",", m.AuthorIds),
            }).ToEquatableArray(),
        };
    }

    /// <summary>The list as JSON.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, InteropJson.Options(indented));
}

/// <summary>One model of an OpenAI models list.</summary>
public sealed record OpenAIModel
{
    /// <summary>Model ID.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>model</c>.</summary>
    [JsonPropertyName("object")] public string Object { get; init; } = "model";

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }

    /// <summary>Owner.</summary>
    [JsonPropertyName("owned_by")] public required string OwnedBy { get; init; }
}
