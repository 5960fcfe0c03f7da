using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Sources.Json;

namespace Starmap.Http;

/// <summary>Provider sync and its schedule. Syncs and schedule changes are writes: they need the API key.</summary>
internal static class SyncEndpoints
{
    private static readonly IReadOnlySet<string> SyncParameters = new HashSet<string>(StringComparer.Ordinal) { "dry_run", "force", "source" };
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api)
    {
        var sync = api.MapGroup("/providers/{id}/sync");

        // A sync can outlast any one call's response timeout (a slow API, retries, a 2-minute deadline):
        // it starts in the sync grain, this request waits up to SyncWait for it, and a longer sync answers
        // 202 with a Location to poll instead of failing.
        sync.MapPost("", async (string id, HttpContext http, StarmapCatalog catalog, StarmapHttpOptions options) =>
            {
                var reader = new QueryReader(http.Request.Query, SyncParameters);
                var request = new SyncRequest
                {
                    DryRun = reader.Bool("dry_run") ?? false,
                    Force = reader.Bool("force") ?? false,
                    Sources = [.. reader.List("source")],
                    Trigger = "http",
                };
                if (await ProviderMissingAsync(catalog, id) is { } missing)
                {
                    return missing;
                }
                var run = await catalog.Sync.StartAsync(id, request);
                run = await catalog.Sync.GetRunAsync(id, run.RunId, options.SyncWait) ?? run;
                return run is { State: SyncRunState.Completed, Result: { } result } ? Json(result) : Accepted(http, id, run);
            })
            .RequireWriteKey()
            .WithName("SyncProvider")
            .WithSummary("Syncs one provider from its API and models.dev; ?dry_run=true returns the changeset without applying it. " +
                "Answers 200 with the result when the sync ends within Starmap:Http:SyncWait, else 202 with a Location to poll")
            .Produces<SyncResult>().Produces<SyncRun>(StatusCodes.Status202Accepted)
            .WithQueryParameters(QueryParameters.DryRun, QueryParameters.Force, QueryParameters.Source)
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        sync.MapGet("/runs/{runId}", async (string id, string runId, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                if (await ProviderMissingAsync(catalog, id) is { } missing)
                {
                    return missing;
                }
                if (await catalog.Sync.GetRunAsync(id, runId) is not { } run)
                {
                    return HttpError.NotFound($"sync run '{QueryReader.Printable(runId)}' of provider '{QueryReader.Printable(id)}' was not found (runs are kept for 10 minutes after they finish)");
                }
                if (run.State != SyncRunState.Completed)
                {
                    http.Response.Headers.RetryAfter = "1";
                }
                return Json(run);
            })
            .WithName("GetSyncRun").WithSummary("A sync started by POST .../sync that answered 202: queued, running, or completed with its result")
            .Produces<SyncRun>().ProducesErrors(StatusCodes.Status404NotFound);

        sync.MapGet("/schedule", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                return await ProviderMissingAsync(catalog, id) ?? Json(await catalog.Sync.GetScheduleAsync(id));
            })
            .WithName("GetSyncSchedule").WithSummary("The provider's sync schedule").Produces<SyncSchedule>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        sync.MapPut("/schedule", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var interval = await ReadIntervalAsync(http);
                return await ProviderMissingAsync(catalog, id) ?? Json(await catalog.Sync.SetScheduleAsync(id, interval));
            })
            .RequireWriteKey()
            .Accepts<ScheduleRequest>("application/json")
            .WithName("SetSyncSchedule").WithSummary("Schedules syncs: body {\"interval\": \"06:00:00\"}").Produces<SyncSchedule>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        sync.MapDelete("/schedule", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                return await ProviderMissingAsync(catalog, id) ?? Json(await catalog.Sync.RemoveScheduleAsync(id));
            })
            .RequireWriteKey()
            .WithName("RemoveSyncSchedule").WithSummary("Stops scheduled syncs; the last outcome is kept").Produces<SyncSchedule>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        sync.MapGet("/last", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                return await ProviderMissingAsync(catalog, id)
                    ?? (await catalog.Sync.GetLastOutcomeAsync(id) is { } outcome
                        ? Json(outcome)
                        : HttpError.NotFound($"no sync of provider '{QueryReader.Printable(id)}' has run"));
            })
            .WithName("GetLastSync").WithSummary("The outcome of the provider's last sync")
            .Produces<SyncOutcome>().ProducesErrors(StatusCodes.Status404NotFound);
    }

    private static IResult Json<T>(T value) => Results.Json(value, HttpJson.Options);

    private static LocatedResult Accepted(HttpContext http, string providerId, SyncRun run)
    {
        http.Response.Headers.RetryAfter = "1";
        var location = $"{http.Request.PathBase}/api/v1/providers/{Uri.EscapeDataString(providerId)}/sync/runs/{run.RunId}";
        return new LocatedResult(location, Results.Json(run, HttpJson.Options, statusCode: StatusCodes.Status202Accepted));
    }

    /// <summary>A result with a Location header.</summary>
    private sealed class LocatedResult(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static async Task<IResult?> ProviderMissingAsync(StarmapCatalog catalog, string id) =>
        await catalog.Providers.FindAsync(id) is null ? HttpError.NotFound($"provider '{QueryReader.Printable(id)}' was not found") : null;

    private static async Task<TimeSpan> ReadIntervalAsync(HttpContext http)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw new HttpParameterException("body", "is not valid JSON (cut short, or not JSON at all); expected an object such as {\"interval\": \"06:00:00\"}");
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new HttpParameterException("body", "expected a JSON object such as {\"interval\": \"06:00:00\"}");
            }
            var intervals = 0;
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (!property.NameEquals("interval"))
                {
                    var name = JsonText.NameOf(property) ?? throw new HttpParameterException("body", "a field name is not valid text (it holds an unpaired surrogate)");
                    throw new HttpParameterException(name, "unknown field; the body takes only interval", "unknown_parameter");
                }
                if (++intervals > 1)
                {
                    // Which one would win is the parser's choice, not the caller's: refused, as the cost bodies refuse it.
                    throw new HttpParameterException("interval", "is given more than once");
                }
            }
            return body.RootElement.TryGetProperty("interval", out var value)
                && value.ValueKind == JsonValueKind.String
                && TimeSpan.TryParseExact(JsonText.Of(value), "c", CultureInfo.InvariantCulture, out var interval)
                && interval > TimeSpan.Zero
                ? interval
                : throw new HttpParameterException("interval", $"must be a time span (d.hh:mm:ss) such as \"06:00:00\", more than 0 and at most {SyncSchedule.MaximumInterval:c}");
        }
    }
}

/// <summary>Body of <c>PUT /api/v1/providers/{id}/sync/schedule</c>.</summary>
public sealed record ScheduleRequest
{
    /// <summary>Time between syncs, <c>d.hh:mm:ss</c>.</summary>
    public required string Interval { get; init; }
}
