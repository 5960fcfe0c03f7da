using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;
using Starmap.Formats.Interop;
using Starmap.Sources.ModelsDev;

namespace Starmap.Http;

/// <summary>
/// The catalog in OpenRouter's list shape and as a models.dev api.json, so clients of either can read it
/// (the OpenAI shapes: <see cref="OpenAIEndpoints"/>).
/// </summary>
internal static class ExportEndpoints
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder root)
    {
        root.MapGet("/api/v1/openrouter/models", async (HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var models = await catalog.Models.ListAsync();
                var providers = await catalog.Providers.ListAsync();
                // Both lists come from one replica read each; tag with the newer so a change in either shows.
                var generation = Math.Max(models.Generation, providers.Generation);
                return CatalogResults.Text(http, generation, () => OpenRouterModelList.From(models.Items, providers.Items).ToJson());
            })
            .RequireReadKey()
            .WithTags("exports").WithName("OpenRouterModels").WithSummary("Every model definition once, as an OpenRouter GET /api/v1/models list (IDs author/slug; USD per-token price strings)")
            .Produces<OpenRouterModelList>().WithCatalogETag()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout);

        // models.dev readers fetch "<base>/api.json": their base URL is http://host:port/api/v1/models.dev.
        root.MapGet("/api/v1/models.dev/api.json", async (HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var models = await catalog.Models.ListAsync();
                var providers = await catalog.Providers.ListAsync();
                var generation = Math.Max(models.Generation, providers.Generation);
                return CatalogResults.Text(http, generation, () => ModelsDevExport.ToJson(providers.Items, models.Items));
            })
            .RequireReadKey()
            .WithTags("exports").WithName("ModelsDevApiJson").WithSummary("Every provider and model in the models.dev api.json shape (USD per 1M tokens; unknown members left out)")
            .Produces<JsonElement>().WithCatalogETag()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout);
    }
}
