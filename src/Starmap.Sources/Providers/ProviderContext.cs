using Starmap.Catalog.Validation;
using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>One provider API read: the provider, its endpoint, the call (key, headers, size cap) and what it collects.</summary>
internal sealed class ProviderContext(Provider provider, CatalogEndpoint endpoint, SourceCall call, DateTimeOffset observedAt, SourceOptions options)
{
    private readonly Dictionary<string, ObservedModel> _models = new(StringComparer.Ordinal);

    public Provider Provider { get; } = provider;

    public CatalogEndpoint Endpoint { get; } = endpoint;

    public SourceCall Call { get; } = call;

    public DateTimeOffset ObservedAt { get; } = observedAt;

    public SourceOptions Options { get; } = options;

    public Uri Url { get; } = new(endpoint.Url, UriKind.Absolute);

    public WarningList Warnings { get; } = new();

    public AuthorResolver Authors { get; } = new(provider);

    public ObservedModelBuilder NewModel(string modelId) => new(Provider.Id, modelId);

    /// <summary>The model's record reader, or null (with a warning) when it is not an object with a string ID.</summary>
    public (JsonRecord Record, string Id)? Item(System.Text.Json.JsonElement element, string idMember, int index)
    {
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            Warnings.Add($"item {index} is {JsonRecord.Describe(element.ValueKind)}, skipped");
            return null;
        }
        var record = new JsonRecord(element, $"item {index}", Warnings);
        if (record.String(idMember) is not { Length: > 0 } id)
        {
            Warnings.Add($"item {index} has no '{idMember}', skipped");
            return null;
        }
        return (new JsonRecord(element, id, Warnings), id);
    }

    public void Add(ObservedModel model)
    {
        if (!_models.TryAdd(model.ModelId, model))
        {
            Warnings.Add($"{model.ModelId}: listed twice, the first entry kept");
        }
    }

    public SourceObservation Observation() => new()
    {
        Source = SourceIds.ProviderApi,
        ProviderId = Provider.Id,
        ObservedAt = ObservedAt,
        // A provider's own list is its whole catalog: a model missing from it is no longer served.
        IsCompleteList = true,
        Models = _models.Values.OrderBy(m => m.ModelId, StringComparer.Ordinal).ToEquatableArray(),
        Warnings = Warnings.ToArray(),
        Location = Http.SourceHttp.Display(Url),
    };
}
