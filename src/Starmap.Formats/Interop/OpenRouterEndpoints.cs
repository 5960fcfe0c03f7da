using System.Text.Json;
using System.Text.Json.Serialization;
using Starmap.Formats.StarmapYaml;

namespace Starmap.Formats.Interop;

/// <summary>
/// OpenRouter's <c>GET /api/v1/models/:author/:slug/endpoints</c> answer, <c>{"data": {...}}</c>: one
/// model and every provider offering that serves it, each with its price, limits and status.
/// </summary>
public sealed record OpenRouterEndpoints
{
    /// <summary>The model and its endpoints.</summary>
    [JsonPropertyName("data")] public required OpenRouterEndpointsModel Data { get; init; }

    /// <summary>
    /// The view of <paramref name="endpoints"/>. The model's name, description, release date and
    /// architecture come from the definition when the catalog has one, else from the offering the
    /// OpenRouter list shows for it (<see cref="OpenRouterModelList.From"/>: lowest known USD input
    /// price). Each endpoint is one offering, in catalog order (provider, then model ID); prices are USD
    /// per token strings as in the list, unknown prices and limits are left out or null, never 0.
    /// <paramref name="providers"/> supply the provider names.
    /// </summary>
    public static OpenRouterEndpoints From(ModelEndpoints endpoints, IEnumerable<Provider>? providers = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var names = (providers ?? []).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var definition = endpoints.Definition;
        var model = endpoints.Offerings.IsEmpty ? null : OpenRouterModelList.Representative(endpoints.Offerings);
        return new OpenRouterEndpoints
        {
            Data = new OpenRouterEndpointsModel
            {
                Id = endpoints.Id,
                Name = definition?.Name ?? model?.Name ?? endpoints.Id,
                Created = definition?.Metadata?.ReleaseDate is { } release
                    ? new DateTimeOffset(release.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds()
                    : model is null ? 0 : InteropOrder.Created(model),
                Description = definition?.Description ?? model?.Definition?.Description ?? model?.Offering.Description ?? "",
                Architecture = model is null ? DefinitionArchitecture(definition) : OpenRouterModelList.Architecture(model),
                Endpoints = endpoints.Offerings.Select(m => Endpoint(m, names.GetValueOrDefault(m.ProviderId))).ToEquatableArray(),
            },
        };
    }

    /// <summary>The view as JSON.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, InteropJson.Options(indented));

    /// <summary>
    /// OpenRouter's numeric endpoint status: 0 served; -1 deprecated (still served, on its way out); -2
    /// restricted to some accounts or regions; -10 not served (unavailable, or retired). An offering whose
    /// availability no source stated counts as served: it is listed by its provider.
    /// </summary>
    public static int Status(Offering offering)
    {
        ArgumentNullException.ThrowIfNull(offering);
        return (offering.Availability, offering.Lifecycle?.Status) switch
        {
            (Availability.Unavailable, _) or (_, LifecycleStatus.Retired) => -10,
            (Availability.Restricted, _) => -2,
            (_, LifecycleStatus.Deprecated) => -1,
            _ => 0,
        };
    }

    private static OpenRouterArchitecture DefinitionArchitecture(ModelDefinition? definition) =>
        definition is null
            ? new OpenRouterArchitecture()
            : OpenRouterModelList.Architecture(new CatalogModel
            {
                Offering = new Offering { ProviderId = "", ModelId = definition.Id },
                Definition = definition,
            });

    private static OpenRouterEndpoint Endpoint(CatalogModel m, string? providerName)
    {
        var provider = providerName ?? m.ProviderId;
        return new OpenRouterEndpoint
        {
            Name = provider + " | " + m.ModelId,
            ModelId = m.ModelId,
            ModelName = m.Name,
            ProviderName = provider,
            Tag = m.ProviderId,
            ContextLength = m.ContextWindow,
            MaxCompletionTokens = m.Offering.Limits?.OutputTokens,
            MaxPromptTokens = m.Offering.Limits?.InputTokens,
            Pricing = OpenRouterModelList.Pricing(m.Offering.Pricing),
            Quantization = m.Definition?.Metadata?.Architecture?.Quantization is { } q and not Quantization.Unknown ? StarmapEnums.Name(q) : "unknown",
            Status = Status(m.Offering),
            SupportedParameters = OpenRouterModelList.SupportedParameters(m),
            Availability = m.Offering.Availability == Availability.Unknown ? null : StarmapEnums.Name(m.Offering.Availability),
            Lifecycle = m.Status == LifecycleStatus.Unknown ? null : StarmapEnums.Name(m.Status),
        };
    }
}

/// <summary>The model of an endpoints view.</summary>
public sealed record OpenRouterEndpointsModel
{
    /// <summary>The <c>author/slug</c> asked for.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Unix seconds of the release date (00:00 UTC); 0 when the release date is not known.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }

    /// <summary>Description; empty when unknown.</summary>
    [JsonPropertyName("description")] public string Description { get; init; } = "";

    /// <summary>Modalities and tokenizer.</summary>
    [JsonPropertyName("architecture")] public required OpenRouterArchitecture Architecture { get; init; }

    /// <summary>One entry per offering serving the model.</summary>
    [JsonPropertyName("endpoints")] public EquatableArray<OpenRouterEndpoint> Endpoints { get; init; }
}

/// <summary>One provider's offering of the model.</summary>
public sealed record OpenRouterEndpoint
{
    /// <summary><c>Provider name | model ID</c>.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The provider's own model ID: what a client sends to that provider.</summary>
    [JsonPropertyName("model_id")] public required string ModelId { get; init; }

    /// <summary>The model's display name at this provider.</summary>
    [JsonPropertyName("model_name")] public required string ModelName { get; init; }

    /// <summary>The provider's display name.</summary>
    [JsonPropertyName("provider_name")] public required string ProviderName { get; init; }

    /// <summary>The provider ID.</summary>
    [JsonPropertyName("tag")] public required string Tag { get; init; }

    /// <summary>Context window in tokens; null when unknown.</summary>
    [JsonPropertyName("context_length")] public long? ContextLength { get; init; }

    /// <summary>Largest output in tokens; null when unknown.</summary>
    [JsonPropertyName("max_completion_tokens")] public long? MaxCompletionTokens { get; init; }

    /// <summary>Largest input in tokens; null when unknown.</summary>
    [JsonPropertyName("max_prompt_tokens")] public long? MaxPromptTokens { get; init; }

    /// <summary>USD per token (or per unit) strings; unknown prices left out.</summary>
    [JsonPropertyName("pricing")] public required OpenRouterPricing Pricing { get; init; }

    /// <summary>Weight quantization; <c>unknown</c> when not known (OpenRouter's own spelling).</summary>
    [JsonPropertyName("quantization")] public required string Quantization { get; init; }

    /// <summary>0 served, -1 deprecated, -2 restricted, -10 not served (<see cref="OpenRouterEndpoints.Status"/>).</summary>
    [JsonPropertyName("status")] public int Status { get; init; }

    /// <summary>Request parameters known to be supported.</summary>
    [JsonPropertyName("supported_parameters")] public EquatableArray<string> SupportedParameters { get; init; }

    /// <summary>Starmap's availability (available, restricted, unavailable); left out when unknown.</summary>
    [JsonPropertyName("availability"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Availability { get; init; }

    /// <summary>Starmap's lifecycle status (active, beta, preview, deprecated, retired); left out when unknown.</summary>
    [JsonPropertyName("lifecycle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lifecycle { get; init; }
}
