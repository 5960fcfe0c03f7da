using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// <c>GET /api/v1/quarantine</c>: every field a source gave with a value that could not be right, left
/// unknown in the catalog, with the note saying what was seen, why and from where. Read-only; paged like
/// <c>/models</c>; answered from this silo's replica.
/// </summary>
internal static class QuarantineEndpoints
{
    private static readonly IReadOnlySet<string> Parameters =
        new HashSet<string>(StringComparer.Ordinal) { "provider", "model", "field", "limit", "offset", "min_generation" };

    private static readonly QueryParameterMetadata[] Documented =
    [
        new("provider", JsonSchemaType.String, "Only offerings of this provider (definitions have no provider and are left out)"),
        new("model", JsonSchemaType.String, "Only this model: a provider's model ID or a definition's author/slug; * and ? match any text"),
        new("field", JsonSchemaType.String, "Only fields whose path starts with this, e.g. pricing or limits.output_tokens"),
        new("limit", JsonSchemaType.Integer, $"Page size, 1 to {ModelQuery.MaxLimit} (default {ModelQuery.DefaultLimit})"),
        new("offset", JsonSchemaType.Integer, "Entries to skip (default 0)"),
        QueryParameters.MinGeneration,
    ];

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/quarantine", async (HttpContext http, StarmapCatalog catalog) =>
            {
                var reader = new QueryReader(http.Request.Query, Parameters);
                var query = new QuarantineQuery
                {
                    ProviderId = reader.String("provider"),
                    ModelId = reader.String("model"),
                    FieldPrefix = reader.String("field"),
                    Limit = reader.Int("limit"),
                    Offset = reader.Int("offset") ?? 0,
                    MinGeneration = reader.Long("min_generation") ?? 0,
                };
                if (query.MinGeneration < 0)
                {
                    throw new HttpParameterException("min_generation", "must not be negative");
                }
                // A per-request facade when a generation is asked for, so one client's wait never raises another's.
                var session = query.MinGeneration > 0 ? CatalogReaders.NewCatalog(http.RequestServices) : catalog;
                var page = await session.Models.ListQuarantineAsync(query);
                return CatalogResults.Json(http, page.Generation, page);
            })
            .WithName("ListQuarantine")
            .WithSummary("Quarantined fields: values sources gave that were refused and left unknown, with field, value, reason, source and model")
            .Produces<QuarantinePage>().WithQueryParameters(Documented).WithCatalogETag()
            .ProducesErrors(StatusCodes.Status409Conflict);
}
