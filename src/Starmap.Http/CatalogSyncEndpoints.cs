using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Starmap.Http;

/// <summary>
/// Syncs of every provider (with discover: of every provider models.dev lists) and the models.dev file
/// import, both writes behind the key. Like a provider sync, a run starts in the cluster; the request waits
/// up to SyncWait for it, and a longer run answers 202 with a Location to poll.
/// </summary>
internal static class CatalogSyncEndpoints
{
    private static readonly IReadOnlySet<string> SyncParameters = new HashSet<string>(StringComparer.Ordinal) { "dry_run", "force", "source", "discover", "changes" };
    private static readonly IReadOnlySet<string> ImportParameters = new HashSet<string>(StringComparer.Ordinal) { "format", "dry_run", "force", "changes" };
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/sync", async (HttpContext http, StarmapCatalog catalog, StarmapHttpOptions options) =>
            {
                var reader = new QueryReader(http.Request.Query, SyncParameters);
                var dryRun = reader.Bool("dry_run") ?? false;
                var request = new SyncAllRequest
                {
                    DryRun = dryRun,
                    Force = reader.Bool("force") ?? false,
                    Sources = [.. reader.List("source")],
                    Discover = reader.Bool("discover") ?? false,
                    IncludeChanges = reader.Bool("changes") ?? dryRun,
                    Trigger = "http",
                };
                var run = await catalog.Sync.StartAllAsync(request);
                return await AnswerAsync(http, catalog, options, run);
            })
            .RequireWriteKey()
            .WithName("SyncAllProviders")
            .WithSummary("Syncs every provider of the catalog; ?discover=true first creates every provider models.dev lists that the catalog lacks. " +
                "One summary: each provider's status, counts and reason, and totals. 200 when the run ends within Starmap:Http:SyncWait, else 202 with a Location to poll")
            .Produces<CatalogSyncResult>().Produces<CatalogSyncRun>(StatusCodes.Status202Accepted)
            .WithQueryParameters(QueryParameters.Source, QueryParameters.Discover, QueryParameters.DryRun, QueryParameters.Force, QueryParameters.Changes)
            .ProducesErrors(StatusCodes.Status409Conflict);

        api.MapGet("/sync/runs/{runId}", async (string runId, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                if (await catalog.Sync.GetAllRunAsync(runId) is not { } run)
                {
                    return HttpError.NotFound($"sync run '{QueryReader.Printable(runId)}' was not found (runs are kept for 10 minutes after they finish)");
                }
                if (run.State != SyncRunState.Completed)
                {
                    http.Response.Headers.RetryAfter = "1";
                }
                return Results.Json(run, HttpJson.Options);
            })
            .WithName("GetCatalogSyncRun").WithSummary("A sync of every provider, or an import, that answered 202: queued, running (providers done of the total), or completed with its summary")
            .Produces<CatalogSyncRun>().ProducesErrors(StatusCodes.Status404NotFound);

        api.MapPost("/import", async (HttpContext http, StarmapCatalog catalog, StarmapHttpOptions options) =>
            {
                var reader = new QueryReader(http.Request.Query, ImportParameters);
                if ((reader.String("format") ?? "models.dev") != "models.dev")
                {
                    throw new HttpParameterException("format", "must be models.dev (the only format imported over HTTP; Starmap files go through Import-StarmapCatalog)");
                }
                var dryRun = reader.Bool("dry_run") ?? false;
                var request = new SyncAllRequest
                {
                    DryRun = dryRun,
                    Force = reader.Bool("force") ?? false,
                    IncludeChanges = reader.Bool("changes") ?? dryRun,
                    Trigger = "import",
                };
                var document = await ReadBodyAsync(http, options.MaxImportBytes);
                var run = await catalog.Sync.StartModelsDevImportAsync(document, request);
                return await AnswerAsync(http, catalog, options, run);
            })
            .RequireWriteKey()
            .WithMetadata(new LargeRequestBody())
            .Accepts<object>("application/json")
            .WithName("ImportModelsDev")
            .WithSummary("Imports a models.dev api.json (the body): creates the providers it lists that the catalog lacks and merges each provider's models " +
                "as a models.dev sync would; ?dry_run=true returns the changesets and writes nothing. 200 or 202 as POST /api/v1/sync")
            .Produces<CatalogSyncResult>().Produces<CatalogSyncRun>(StatusCodes.Status202Accepted)
            .WithQueryParameters(QueryParameters.Format, QueryParameters.DryRun, QueryParameters.Force, QueryParameters.Changes)
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, StarmapCatalog catalog, StarmapHttpOptions options, CatalogSyncRun run)
    {
        run = await catalog.Sync.GetAllRunAsync(run.RunId, options.SyncWait) ?? run;
        if (run is { State: SyncRunState.Completed, Result: { } result })
        {
            return Results.Json(result, HttpJson.Options);
        }
        http.Response.Headers.RetryAfter = "1";
        http.Response.Headers.Location = $"{http.Request.PathBase}/api/v1/sync/runs/{run.RunId}";
        return Results.Json(run, HttpJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    // Only this keyed route takes a body past MaxRequestBodyBytes: a whole api.json is megabytes.
    private static async Task<string> ReadBodyAsync(HttpContext http, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        // Kestrel refuses a body past the cap as it is read (which also keeps the connection usable).
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BadHttpRequestException($"the body is over the {limit}-byte cap for an import (Starmap:Http:MaxImportBytes); nothing was imported",
                StatusCodes.Status413PayloadTooLarge, ex);
        }
    }
}
