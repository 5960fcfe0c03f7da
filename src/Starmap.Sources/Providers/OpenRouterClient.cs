using System.Text.Json;
using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// OpenRouter <c>GET /api/v1/models</c> (public; a key is sent when one is set). Prices are converted
/// from USD per token to USD per 1M tokens exactly; "-1" or absent prices stay unknown. Modalities,
/// supported parameters, limits, release and knowledge dates and expiry are read.
/// </summary>
internal sealed class OpenRouterClient(SourceHttp http) : IProviderApiClient
{
    private static readonly Dictionary<string, Feature[]> Parameters = new(StringComparer.Ordinal)
    {
        ["tools"] = [Feature.Tools, Feature.ToolCalls],
        ["tool_choice"] = [Feature.ToolChoice],
        ["reasoning"] = [Feature.Reasoning],
        ["include_reasoning"] = [Feature.IncludeReasoning],
        ["reasoning_effort"] = [Feature.ReasoningEffort],
        ["verbosity"] = [Feature.Verbosity],
        ["structured_outputs"] = [Feature.StructuredOutputs],
        ["response_format"] = [Feature.FormatResponse],
        ["web_search_options"] = [Feature.WebSearch],
        ["temperature"] = [Feature.Temperature],
        ["top_p"] = [Feature.TopP],
        ["top_k"] = [Feature.TopK],
        ["top_a"] = [Feature.TopA],
        ["min_p"] = [Feature.MinP],
        ["max_tokens"] = [Feature.MaxTokens],
        ["stop"] = [Feature.Stop],
        ["frequency_penalty"] = [Feature.FrequencyPenalty],
        ["presence_penalty"] = [Feature.PresencePenalty],
        ["repetition_penalty"] = [Feature.RepetitionPenalty],
        ["logit_bias"] = [Feature.LogitBias],
        ["logprobs"] = [Feature.Logprobs],
        ["top_logprobs"] = [Feature.TopLogprobs],
        ["seed"] = [Feature.Seed],
    };

    public CatalogEndpointType Type => CatalogEndpointType.OpenRouter;

    public Task ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        ModelListPages.ReadAsync(http, context, context.Url, "data", "id", Read, root: null, page: 1, cancellationToken);

    private static ObservedModel Read(ProviderContext context, JsonRecord item, string id)
    {
        var model = context.NewModel(id);
        model.AuthorIds = context.Authors.For(item, id);
        model.Availability = Availability.Available;
        model.Name = item.String("name");
        model.Description = item.String("description");
        model.ReleaseDate = item.Date("created");
        model.KnowledgeCutoff = item.Date("knowledge_cutoff");
        if (item.Date("expiration_date") is { } expires)
        {
            model.RetiresOn(expires, context.ObservedAt);
        }
        model.ContextWindow = item.Positive("context_length") ?? item.Positive("top_provider.context_length");
        model.OutputTokens = item.Positive("top_provider.max_completion_tokens");
        model.Pricing = Pricing(item);

        if (item.Child("architecture") is { } architecture)
        {
            Modalities(architecture, "input_modalities", model.AddInput, model.StateInputs);
            Modalities(architecture, "output_modalities", model.AddOutput, model.StateOutputs);
        }
        if (item.Strings("supported_parameters") is { } parameters)
        {
            // The list names what is supported; a parameter it leaves out is not thereby unsupported.
            foreach (var parameter in parameters)
            {
                foreach (var feature in Parameters.GetValueOrDefault(parameter) ?? [])
                {
                    model.Set(feature, true);
                }
            }
        }
        FieldMappings.ApplyRules(context.Endpoint, item, model);
        return model.Build();
    }

    private static void Modalities(JsonRecord architecture, string member, Action<Modality> add, Action stated)
    {
        if (architecture.Strings(member) is not { } names)
        {
            return;
        }
        stated();
        foreach (var name in names)
        {
            Modality? modality = name switch
            {
                "text" => Modality.Text,
                "image" => Modality.Image,
                "audio" => Modality.Audio,
                "video" => Modality.Video,
                "file" or "pdf" => Modality.Pdf,
                "embeddings" or "embedding" => Modality.Embedding,
                _ => null,
            };
            if (modality is { } known)
            {
                add(known);
            }
            else
            {
                architecture.Warn($"unknown modality '{name}' dropped");
            }
        }
    }

    private static ModelPricing? Pricing(JsonRecord item)
    {
        if (item.Child("pricing") is not { } pricing)
        {
            return null;
        }
        string? Text(string name)
        {
            var text = pricing.Text(name);
            if (OpenRouterPrices.IsMalformed(text))
            {
                pricing.Warn($"price '{name}' is not a number: {text}");
            }
            return text;
        }
        decimal? PerMillion(string name) => OpenRouterPrices.PerMillionTokens(Text(name));
        decimal? Flat(string name) => OpenRouterPrices.Flat(Text(name));

        var tokens = new TokenPrices
        {
            Input = PerMillion("prompt"),
            Output = PerMillion("completion"),
            Reasoning = PerMillion("internal_reasoning"),
            CacheRead = PerMillion("input_cache_read"),
            CacheWrite = PerMillion("input_cache_write"),
        };
        var operations = new OperationPrices
        {
            Request = Flat("request"),
            ImageInput = Flat("image"),
            WebSearch = Flat("web_search"),
        };
        var hasTokens = tokens != new TokenPrices();
        var hasOperations = operations != new OperationPrices();
        return hasTokens || hasOperations
            ? new ModelPricing { Currency = "USD", Tokens = hasTokens ? tokens : null, Operations = hasOperations ? operations : null }
            : null;
    }
}
