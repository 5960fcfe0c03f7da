using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Catalog.Formats;

namespace Starmap.Http;

/// <summary>The catalog in OpenRouter's list shape, so OpenRouter-compatible clients can read it (the OpenAI shapes: <see cref="OpenAIEndpoints"/>).</summary>
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
    }
}
