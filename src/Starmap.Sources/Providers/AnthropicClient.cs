using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Anthropic <c>GET /v1/models?limit=N</c>, following <c>has_more</c> / <c>last_id</c> with
/// <c>after_id</c> until the list ends (Starmap read only the first page). Reads display names,
/// release dates, token limits and the <c>capabilities</c> tree where its meaning is plain.
/// </summary>
internal sealed class AnthropicClient(SourceHttp http) : IProviderApiClient
{
    public CatalogEndpointType Type => CatalogEndpointType.Anthropic;

    public Task ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        ModelListPages.ReadAllAsync(http, context, "data", "id", "limit", "after_id", (root, url) =>
        {
            if (root.Bool("has_more") != true)
            {
                return null;
            }
            var after = root.String("last_id");
            return string.IsNullOrEmpty(after)
                ? throw context.Call.Fail(url, "has_more is true but last_id is missing, so the rest of the list cannot be read")
                : after;
        }, Read, cancellationToken);

    private static ObservedModel Read(ProviderContext context, JsonRecord item, string id)
    {
        var model = context.NewModel(id);
        model.AuthorIds = context.Authors.For(item, id);
        model.Availability = Availability.Available;
        model.Name = item.String("display_name");
        model.ReleaseDate = item.Date("created_at");
        if (item.Positive("max_input_tokens") is { } input)
        {
            model.ContextWindow = input;
            model.InputTokens = input;
        }
        model.OutputTokens = item.Positive("max_tokens");
        if (item.Child("capabilities") is { } capabilities)
        {
            ReadCapabilities(capabilities, model);
        }
        return model.Build();
    }

    private static void ReadCapabilities(JsonRecord capabilities, ObservedModelBuilder model)
    {
        bool? Supported(string path) => capabilities.Bool(path + ".supported");

        // Every Claude model reads and writes text; the tree adds what else it reads.
        model.AddInput(Modality.Text);
        model.AddOutput(Modality.Text);
        if (Supported("image_input") == true)
        {
            model.AddInput(Modality.Image);
        }
        if (Supported("pdf_input") == true)
        {
            model.AddInput(Modality.Pdf);
        }
        model.Set(Feature.Reasoning, Supported("thinking"));
        model.Set(Feature.StructuredOutputs, Supported("structured_outputs"));
        model.Set(Feature.ReasoningEffort, Supported("effort"));
        if (Supported("effort") == true)
        {
            var levels = new SortedSet<ControlLevel>();
            foreach (var (name, level) in EffortLevels)
            {
                if (Supported("effort." + name) == true)
                {
                    levels.Add(level);
                }
            }
            if (levels.Count > 0)
            {
                model.ReasoningLevels = new ControlLevels { Levels = levels.ToEquatableArray() };
            }
        }
    }

    // "xhigh" has no level of its own in the contracts and is left out rather than folded into another.
    private static readonly (string Name, ControlLevel Level)[] EffortLevels =
    [
        ("low", ControlLevel.Low), ("medium", ControlLevel.Medium), ("high", ControlLevel.High), ("max", ControlLevel.Maximum),
    ];
}
