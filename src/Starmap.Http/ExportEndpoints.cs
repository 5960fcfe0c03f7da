using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Catalog.Formats;

namespace Starmap.Http;

/// <summary>The catalog in other APIs' list shapes, so OpenAI- and OpenRouter-compatible clients can read it.</summary>
internal static class ExportEndpoints
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder root)
    {
        root.MapGet("/v1/models", async (HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var models = await catalog.Models.ListAsync();
                return CatalogResults.Text(http, models.Generation, () => OpenAIModelList.From(models.Items).ToJson());
            })
            .RequireReadKey()
            .WithTags("exports").WithName("OpenAIModels").WithSummary("Every model as an OpenAI GET /v1/models list")
            .Produces<OpenAIModelList>();

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
            .WithTags("exports").WithName("OpenRouterModels").WithSummary("Every model as an OpenRouter GET /api/v1/models list (USD per-token price strings)")
            .Produces<OpenRouterModelList>();
    }
}
