using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Google AI Studio <c>GET /v1beta/models?pageSize=N</c>, following <c>nextPageToken</c> with
/// <c>pageToken</c>. Model <c>models/gemini-2.5-pro</c> becomes ID <c>gemini-2.5-pro</c>; limits,
/// sampling defaults and what the generation methods imply are read, nothing is stamped with "now".
/// </summary>
internal sealed class GoogleClient(SourceHttp http) : IProviderApiClient
{
    public CatalogEndpointType Type => CatalogEndpointType.Google;

    public Task ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        ModelListPages.ReadAllAsync(http, context, "models", "name", "pageSize", "pageToken",
            (root, _) => root.String("nextPageToken") is { Length: > 0 } token ? token : null, Read, cancellationToken);

    private static ObservedModel Read(ProviderContext context, JsonRecord item, string name)
    {
        var id = name.StartsWith("models/", StringComparison.Ordinal) ? name["models/".Length..] : name;
        var model = context.NewModel(id);
        model.AuthorIds = context.Authors.For(item, id);
        model.Availability = Availability.Available;
        model.Name = item.String("displayName");
        model.Description = item.String("description");
        if (item.Positive("inputTokenLimit") is { } input)
        {
            model.ContextWindow = input;
            model.InputTokens = input;
        }
        model.OutputTokens = item.Positive("outputTokenLimit");
        model.Set(Feature.Reasoning, item.Bool("thinking"));

        var methods = item.Strings("supportedGenerationMethods");
        if (methods is { } list)
        {
            if (list.Contains("generateContent"))
            {
                model.AddInput(Modality.Text);
                model.AddOutput(Modality.Text);
                model.Set(Feature.Temperature, true);
                model.Set(Feature.TopP, true);
                model.Set(Feature.MaxTokens, true);
            }
            if (list.Contains("streamGenerateContent") || list.Contains("generateContent"))
            {
                // generateContent models are served by streamGenerateContent too (Starmap's reading).
                model.Set(Feature.Streaming, true);
            }
            if (list.Contains("embedContent") || list.Contains("batchEmbedContents"))
            {
                model.AddInput(Modality.Text);
                model.AddOutput(Modality.Embedding);
            }
        }

        var temperature = item.Double("temperature");
        var maxTemperature = item.Double("maxTemperature");
        var topP = item.Double("topP");
        var topK = item.Long("topK");
        model.Set(Feature.TopK, topK is not null ? true : null);
        if (temperature is not null || maxTemperature is not null || topP is not null || topK is not null)
        {
            model.Generation = new ModelGeneration
            {
                Temperature = temperature is null && maxTemperature is null ? null : new FloatRange { Default = temperature, Max = maxTemperature },
                TopP = topP is null ? null : new FloatRange { Default = topP },
                TopK = topK is null ? null : new IntRange { Default = topK },
            };
        }
        return model.Build();
    }
}
