using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// The catalog's past (issue 12 §2 and §4): an offering's price history, the difference between two points,
/// and restoring a provider or author to an earlier state (a keyed write). Reads at a point (<c>generation</c>,
/// <c>at</c>) on the model routes are in <see cref="CatalogEndpoints"/>, through <see cref="Point"/>.
/// </summary>
internal static class HistoryEndpoints
{
    private const string PriceHistorySuffix = "/price-history";
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> CompareParameters = new HashSet<string>(StringComparer.Ordinal) { "from", "to" };
    private static readonly IReadOnlySet<string> RestoreParameters = new HashSet<string>(StringComparer.Ordinal) { "generation", "at", "dry_run", "force" };

    public static readonly QueryParameterMetadata Generation = new("generation", JsonSchemaType.Integer,
        "Answer as the catalog was at this generation (within the change log's retention; 410 when older, 400 when newer than the catalog)");

    public static readonly QueryParameterMetadata At = new("at", JsonSchemaType.String,
        "Answer as the catalog was at this ISO 8601 time (e.g. 2026-06-01T12:00:00Z; UTC when no offset): the newest generation published at or before it");

    public static void Map(RouteGroupBuilder api)
    {
        // A model ID may hold '/', so the suffix is found at the end of a catch-all, as the /endpoints route does.
        api.MapGet("/providers/{id}/models/{**path}", async (string id, string path, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                if (!path.EndsWith(PriceHistorySuffix, StringComparison.Ordinal) || path.Length == PriceHistorySuffix.Length)
                {
                    return HttpError.NotFound("no such route; /openapi/v1.json lists them");
                }
                var model = ModelEndpointsRoute.Unescape(path[..^PriceHistorySuffix.Length]);
                var history = await catalog.History.GetPriceHistoryAsync(id, model);
                return Results.Json(history, HttpJson.Options);
            })
            .WithName("GetPriceHistory")
            .WithSummary("Every price of one offering since the change log starts (GET /api/v1/providers/{id}/models/{model}/price-history): " +
                "the pricing in force at the log's start, then each generation that changed a price component, with time, origin, source, the pricing after it and the changed components")
            .Produces<PriceHistory>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGet("/compare", async (HttpContext http, StarmapCatalog catalog) =>
            {
                var reader = new QueryReader(http.Request.Query, CompareParameters);
                var from = ParsePoint("from", reader.String("from"))
                    ?? throw new HttpParameterException("from", "is required: a generation number or an ISO 8601 time");
                var to = ParsePoint("to", reader.String("to"));
                return Results.Json(await catalog.History.CompareAsync(from, to), HttpJson.Options);
            })
            .WithName("CompareCatalog")
            .WithSummary("What differs between the catalog at two points (from, to: each a generation number or an ISO 8601 time; to defaults to now): " +
                "models added, removed and changed with their fields, summarised per provider")
            .Produces<CatalogComparison>()
            .WithQueryParameters(
                new QueryParameterMetadata("from", JsonSchemaType.String, "A generation number or an ISO 8601 time (required)"),
                new QueryParameterMetadata("to", JsonSchemaType.String, "A generation number or an ISO 8601 time (default: the newest generation)"))
            .ProducesErrors(StatusCodes.Status410Gone);

        MapRestore(api, "/providers/{id}/restore", "RestoreProvider", "provider", (catalog, id, point, dryRun, force) => catalog.History.RestoreProviderAsync(id, point, dryRun, force));
        MapRestore(api, "/authors/{id}/restore", "RestoreAuthor", "author", (catalog, id, point, dryRun, force) => catalog.History.RestoreAuthorAsync(id, point, dryRun, force));
    }

    /// <summary>
    /// The point a read names with <c>generation</c> or <c>at</c> (null: neither, read the newest). Both at
    /// once is refused.
    /// </summary>
    public static CatalogPoint? Point(QueryReader reader)
    {
        var generation = reader.Long("generation");
        var at = reader.String("at");
        if (generation is not null && at is not null)
        {
            throw new HttpParameterException("at", "cannot be combined with generation: name one point");
        }
        if (generation is { } g)
        {
            return g < 0 ? throw new HttpParameterException("generation", "must not be negative") : CatalogPoint.OfGeneration(g);
        }
        if (at is null)
        {
            return null;
        }
        return CatalogPoint.Parse(at) is { At: not null } point
            ? point
            : throw new HttpParameterException("at", "must be an ISO 8601 time such as 2026-06-01T12:00:00Z");
    }

    private static CatalogPoint? ParsePoint(string name, string? text) =>
        text is null ? null : CatalogPoint.Parse(text) ?? throw new HttpParameterException(name, "must be a generation number or an ISO 8601 time such as 2026-06-01T12:00:00Z");

    private static void MapRestore(RouteGroupBuilder api, string pattern, string name, string kind,
        Func<StarmapCatalog, string, CatalogPoint, bool, bool, Task<RestoreResult>> restore) =>
        api.MapPost(pattern, async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                var reader = new QueryReader(http.Request.Query, RestoreParameters);
                var point = Point(reader) ?? throw new HttpParameterException("generation", "or at is required: the generation or time to restore to");
                var result = await restore(catalog, id, point, reader.Bool("dry_run") ?? false, reader.Bool("force") ?? false);
                return Results.Json(result, HttpJson.Options);
            })
            .RequireWriteKey()
            .WithName(name)
            .WithSummary($"Restores one {kind} to its state at a generation or time as a new write (recorded with origin restore); ?dry_run=true returns the changeset " +
                $"and writes nothing. A {kind} that did not exist then is deleted only with ?force=true (else 409 and nothing written)")
            .Produces<RestoreResult>()
            .WithQueryParameters(Generation, At, QueryParameters.DryRun,
                new QueryParameterMetadata("force", JsonSchemaType.Boolean, $"true: delete the {kind} when it did not exist at that point"))
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);
}
