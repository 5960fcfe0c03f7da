using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap.Formats.Interop;

/// <summary>The OpenAI <c>GET /v1/models</c> list: <c>{"object":"list","data":[...]}</c>.</summary>
public sealed record OpenAIModelList
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")] public string Object { get; init; } = "list";

    /// <summary>The models.</summary>
    [JsonPropertyName("data")] public EquatableArray<OpenAIModel> Data { get; init; }

    /// <summary>
    /// The merged list of every provider: one entry per offering, sorted by provider then model ID, with
    /// <c>id</c> = <c>provider/model</c> (<see cref="OpenAIModel.Merged"/>), so the same model served by
    /// two providers has two distinct IDs.
    /// </summary>
    public static OpenAIModelList From(IEnumerable<CatalogModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new OpenAIModelList { Data = InteropOrder.Sort(models).Select(OpenAIModel.Merged).ToEquatableArray() };
    }

    /// <summary>
    /// One provider's list (the models of a single provider): <c>id</c> is the provider's own model ID,
    /// what a client sends to that provider (<see cref="OpenAIModel.OfProvider"/>).
    /// </summary>
    public static OpenAIModelList ForProvider(IEnumerable<CatalogModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new OpenAIModelList { Data = InteropOrder.Sort(models).Select(OpenAIModel.OfProvider).ToEquatableArray() };
    }

    /// <summary>
    /// The provider and model ID of a merged-list ID: the provider is everything before the first '/'
    /// (provider IDs hold none), the model ID everything after it (which may hold more '/').
    /// Null when <paramref name="id"/> has no '/' or an empty part.
    /// </summary>
    public static (string Provider, string ModelId)? SplitMergedId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < id.Length - 1 ? (id[..slash], id[(slash + 1)..]) : null;
    }

    /// <summary>The list as JSON.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, InteropJson.Options(indented));
}

/// <summary>One model of an OpenAI models list (also the answer of <c>GET /v1/models/{model}</c>).</summary>
public sealed record OpenAIModel
{
    /// <summary>Model ID.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>model</c>.</summary>
    [JsonPropertyName("object")] public string Object { get; init; } = "model";

    /// <summary>Unix seconds of the release date (00:00 UTC); 0 when the release date is not known.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }

    /// <summary>The credited author IDs joined by commas (usually one); <c>system</c> when none is known.</summary>
    [JsonPropertyName("owned_by")] public required string OwnedBy { get; init; }

    /// <summary>The entry of the merged list: <c>id</c> = <c>provider/model</c>.</summary>
    public static OpenAIModel Merged(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return OfProvider(model) with { Id = model.ProviderId + "/" + model.ModelId };
    }

    /// <summary>The entry of a provider's own list: <c>id</c> = the provider's model ID.</summary>
    public static OpenAIModel OfProvider(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new OpenAIModel
        {
            Id = model.ModelId,
            Created = InteropOrder.Created(model),
            OwnedBy = model.AuthorIds.IsEmpty ? "system" : string.Join(",", model.AuthorIds),
        };
    }

    /// <summary>The model as JSON.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, InteropJson.Options(indented));
}
