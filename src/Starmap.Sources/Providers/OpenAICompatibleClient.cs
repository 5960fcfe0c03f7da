using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// OpenAI-compatible <c>GET /v1/models</c>: <c>{data: [{id, owned_by, created, ...}]}</c>, one page.
/// Reads OpenAI's <c>shutdown_date</c> into the lifecycle, Groq's <c>active</c> into availability, and
/// everything else through the provider's field mappings and feature rules. <c>created</c> is when the
/// model appeared on this API (often 0, or a host's deploy time), not a release date, so it is not read.
/// </summary>
internal sealed class OpenAICompatibleClient(SourceHttp http) : IProviderApiClient
{
    public CatalogEndpointType Type => CatalogEndpointType.OpenAI;

    public Task ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        ModelListPages.ReadAsync(http, context, context.Url, "data", "id", Read, root: null, page: 1, cancellationToken);

    private static ObservedModel Read(ProviderContext context, JsonRecord item, string id)
    {
        var model = context.NewModel(id);
        model.AuthorIds = context.Authors.For(item, id);
        // Listed by the provider's own API: served, unless it says otherwise (Groq's active:false).
        model.Availability = item.Bool("active") == false ? Availability.Unavailable : Availability.Available;
        if (item.Date("shutdown_date") is { } shutdown)
        {
            model.RetiresOn(shutdown, context.ObservedAt);
        }
        FieldMappings.Apply(context.Endpoint, item, model, context.Warnings);
        FieldMappings.ApplyRules(context.Endpoint, item, model);
        return model.Build();
    }
}
