using System.Text.Json;
using System.Text.Json.Serialization;
using Starmap.Catalog.Snapshot;
using Starmap.Formats.StarmapYaml;

namespace Starmap.Formats.Interop;

/// <summary>The OpenRouter <c>GET /api/v1/models</c> list: <c>{"data":[...]}</c>.</summary>
public sealed record OpenRouterModelList
{
    // OpenRouter's parameter names for the features that are request parameters, in its usual order.
    private static readonly (Feature Feature, string Parameter)[] Parameters =
    [
        (Feature.Tools, "tools"),
        (Feature.ToolChoice, "tool_choice"),
        (Feature.MaxTokens, "max_tokens"),
        (Feature.Temperature, "temperature"),
        (Feature.TopP, "top_p"),
        (Feature.Reasoning, "reasoning"),
        (Feature.IncludeReasoning, "include_reasoning"),
        (Feature.StructuredOutputs, "structured_outputs"),
        (Feature.FormatResponse, "response_format"),
        (Feature.Stop, "stop"),
        (Feature.FrequencyPenalty, "frequency_penalty"),
        (Feature.PresencePenalty, "presence_penalty"),
        (Feature.Seed, "seed"),
        (Feature.TopK, "top_k"),
        (Feature.MinP, "min_p"),
        (Feature.RepetitionPenalty, "repetition_penalty"),
        (Feature.LogitBias, "logit_bias"),
        (Feature.Logprobs, "logprobs"),
        (Feature.TopLogprobs, "top_logprobs"),
        (Feature.TopA, "top_a"),
        (Feature.WebSearch, "web_search_options"),
        (Feature.Verbosity, "verbosity"),
    ];

    /// <summary>The models.</summary>
    [JsonPropertyName("data")] public EquatableArray<OpenRouterModel> Data { get; init; }

    /// <summary>
    /// One entry per model definition, as OpenRouter lists one per model: <c>id</c> and
    /// <c>canonical_slug</c> are the definition ID (<c>author/slug</c>), sorted by it; an offering with no
    /// definition stands for itself as <c>author/model</c> (its credited author, else its provider, then
    /// its model ID). Where several providers serve a definition, the entry shows the offering with the
    /// lowest known input price (then the provider ID), the one OpenRouter's price-first routing would pick.
    /// Token prices become USD per token strings (<see cref="PerTokenPrice"/>); an unknown price is left
    /// out, never written as "0", and prices in a currency other than USD are left out. <c>is_moderated</c>
    /// comes from the provider's governance policy when <paramref name="providers"/> holds it. Unknown
    /// modalities are written as an empty list, which matches no modality filter, as in the catalog's own queries.
    /// </summary>
    public static OpenRouterModelList From(IEnumerable<CatalogModel> models, IEnumerable<Provider>? providers = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byId = (providers ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return new OpenRouterModelList
        {
            Data = models
                .GroupBy(Slug, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Representative(g))
                .Select(m => Entry(m, Slug(m), byId.GetValueOrDefault(m.ProviderId)))
                .ToEquatableArray(),
        };
    }

    /// <summary>The <c>author/slug</c> an offering is listed under (<see cref="ModelSlug.Of"/>).</summary>
    public static string Slug(CatalogModel model) => ModelSlug.Of(model);

    // USD prices only: a price in another currency is not comparable and is left out of the entry anyway.
    internal static CatalogModel Representative(IEnumerable<CatalogModel> offerings) => offerings
        .OrderBy(m => m.InputPrice is not null && string.Equals(m.Offering.Pricing?.Currency, "USD", StringComparison.Ordinal) ? 0 : 1)
        .ThenBy(m => m.InputPrice)
        .ThenBy(m => m.ProviderId, StringComparer.Ordinal)
        .ThenBy(m => m.ModelId, StringComparer.Ordinal)
        .First();

    /// <summary>The list as JSON.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, InteropJson.Options(indented));

    private static OpenRouterModel Entry(CatalogModel m, string slug, Provider? provider) => new()
    {
        Id = slug,
        CanonicalSlug = slug,
        Name = m.Name,
        Created = InteropOrder.Created(m),
        Description = m.Definition?.Description ?? "",
        ContextLength = m.ContextWindow,
        Architecture = Architecture(m),
        Pricing = Pricing(m.Offering.Pricing),
        TopProvider = new OpenRouterTopProvider
        {
            ContextLength = m.ContextWindow,
            MaxCompletionTokens = m.Offering.Limits?.OutputTokens,
            IsModerated = provider?.GovernancePolicy?.Moderated,
        },
        SupportedParameters = SupportedParameters(m),
    };

    /// <summary>Modalities and tokenizer of a model (shared with <see cref="OpenRouterEndpoints"/>).</summary>
    internal static OpenRouterArchitecture Architecture(CatalogModel m)
    {
        var input = (m.InputModalities ?? []).Select(Modality).ToEquatableArray();
        var output = (m.OutputModalities ?? []).Select(Modality).ToEquatableArray();
        return new OpenRouterArchitecture
        {
            Modality = input.IsEmpty || output.IsEmpty ? null : string.Join("+", input) + "->" + string.Join("+", output),
            InputModalities = input,
            OutputModalities = output,
            Tokenizer = m.Definition?.Metadata?.Architecture?.Tokenizer,
        };
    }

    /// <summary>OpenRouter's names of the request parameters a model is known to support.</summary>
    internal static EquatableArray<string> SupportedParameters(CatalogModel m) =>
        Parameters.Where(p => m.Supports(p.Feature) == true).Select(p => p.Parameter).ToEquatableArray();

    /// <summary>USD prices as OpenRouter strings; unknown ones (and any price in another currency) left out.</summary>
    internal static OpenRouterPricing Pricing(ModelPricing? pricing)
    {
        if (pricing is null || !string.Equals(pricing.Currency, "USD", StringComparison.Ordinal))
        {
            return new OpenRouterPricing();
        }
        var tokens = pricing.Tokens;
        var operations = pricing.Operations;
        return new OpenRouterPricing
        {
            Prompt = PerToken(tokens?.Input),
            Completion = PerToken(tokens?.Output),
            InputCacheRead = PerToken(tokens?.CacheRead),
            InputCacheWrite = PerToken(tokens?.CacheWrite),
            InternalReasoning = PerToken(tokens?.Reasoning),
            // Operation prices are already per unit (request, image, search): no scaling.
            Request = Unit(operations?.Request),
            Image = Unit(operations?.ImageInput),
            WebSearch = Unit(operations?.WebSearch),
        };
    }

    private static string? PerToken(decimal? perMillion) => perMillion is { } value ? PerTokenPrice.FromPerMillion(value) : null;

    private static string? Unit(decimal? price) => price is { } value ? PerTokenPrice.Format(value) : null;

    private static string Modality(Modality modality) => modality switch
    {
        Starmap.Modality.Pdf => "file",
        Starmap.Modality.Embedding => "embeddings",
        _ => StarmapEnums.Name(modality),
    };
}

/// <summary>One model of an OpenRouter models list.</summary>
public sealed record OpenRouterModel
{
    /// <summary>The <c>author/slug</c> of the model (<see cref="OpenRouterModelList.Slug"/>).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The same <c>author/slug</c>.</summary>
    [JsonPropertyName("canonical_slug"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CanonicalSlug { get; init; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }

    /// <summary>Description; empty when unknown.</summary>
    [JsonPropertyName("description")] public string Description { get; init; } = "";

    /// <summary>Context window in tokens; null when unknown.</summary>
    [JsonPropertyName("context_length")] public long? ContextLength { get; init; }

    /// <summary>Modalities and tokenizer.</summary>
    [JsonPropertyName("architecture")] public required OpenRouterArchitecture Architecture { get; init; }

    /// <summary>Prices as USD strings; unknown ones left out.</summary>
    [JsonPropertyName("pricing")] public required OpenRouterPricing Pricing { get; init; }

    /// <summary>Limits of the serving provider.</summary>
    [JsonPropertyName("top_provider")] public required OpenRouterTopProvider TopProvider { get; init; }

    /// <summary>Request parameters known to be supported.</summary>
    [JsonPropertyName("supported_parameters")] public EquatableArray<string> SupportedParameters { get; init; }
}

/// <summary>Modalities of an OpenRouter model.</summary>
public sealed record OpenRouterArchitecture
{
    /// <summary><c>text+image-&gt;text</c>, when both lists are known.</summary>
    [JsonPropertyName("modality"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modality { get; init; }

    /// <summary>Input modalities.</summary>
    [JsonPropertyName("input_modalities")] public EquatableArray<string> InputModalities { get; init; }

    /// <summary>Output modalities.</summary>
    [JsonPropertyName("output_modalities")] public EquatableArray<string> OutputModalities { get; init; }

    /// <summary>Tokenizer family, when known.</summary>
    [JsonPropertyName("tokenizer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tokenizer { get; init; }
}

/// <summary>OpenRouter prices: USD per token (token prices) or per unit, as decimal strings.</summary>
public sealed record OpenRouterPricing
{
    /// <summary>Input tokens.</summary>
    [JsonPropertyName("prompt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prompt { get; init; }

    /// <summary>Output tokens.</summary>
    [JsonPropertyName("completion"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Completion { get; init; }

    /// <summary>Cached input read.</summary>
    [JsonPropertyName("input_cache_read"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InputCacheRead { get; init; }

    /// <summary>Cache write.</summary>
    [JsonPropertyName("input_cache_write"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InputCacheWrite { get; init; }

    /// <summary>Reasoning tokens.</summary>
    [JsonPropertyName("internal_reasoning"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InternalReasoning { get; init; }

    /// <summary>Per request.</summary>
    [JsonPropertyName("request"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Request { get; init; }

    /// <summary>Per input image.</summary>
    [JsonPropertyName("image"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Image { get; init; }

    /// <summary>Per web search.</summary>
    [JsonPropertyName("web_search"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebSearch { get; init; }
}

/// <summary>The serving provider's limits; null members are unknown.</summary>
public sealed record OpenRouterTopProvider
{
    /// <summary>Context window in tokens.</summary>
    [JsonPropertyName("context_length")] public long? ContextLength { get; init; }

    /// <summary>Largest output in tokens.</summary>
    [JsonPropertyName("max_completion_tokens")] public long? MaxCompletionTokens { get; init; }

    /// <summary>True when the provider moderates requests.</summary>
    [JsonPropertyName("is_moderated")] public bool? IsModerated { get; init; }
}
