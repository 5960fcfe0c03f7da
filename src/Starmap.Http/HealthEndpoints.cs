using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Starmap.Http;

/// <summary>Set by the host once the silo accepts calls; <c>/ready</c> answers 503 until then.</summary>
public sealed class StarmapReadiness
{
    private volatile bool _ready;

    /// <summary>True once the silo started and the catalog was loaded.</summary>
    public bool IsReady => _ready;

    /// <summary>Marks the silo ready.</summary>
    public void MarkReady() => _ready = true;
}

/// <summary>
/// <c>/health</c> (liveness: the process answers) and <c>/ready</c> (readiness: the silo started, the catalog
/// answers, the store opens): the health check service (<see cref="StarmapHealthChecks"/>) run for a tag,
/// answered in the API's shapes, <see cref="HealthStatus"/> or a 503 <see cref="HttpError"/> <c>not_ready</c>.
/// Route handlers rather than <c>MapHealthChecks</c>, so the routes stay in the OpenAPI document and
/// answer HEAD and 405 like every other route.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder root)
    {
        root.MapGet("/health", (HealthCheckService health, CancellationToken aborted) => CheckAsync(health, StarmapHealthChecks.Live, "live", aborted))
            .WithTags("health").WithName("Health").WithSummary("Liveness: the process answers").Produces<HealthStatus>();

        root.MapGet("/ready", (HealthCheckService health, CancellationToken aborted) => CheckAsync(health, StarmapHealthChecks.Ready, "ready", aborted))
            .WithTags("health").WithName("Ready").WithSummary("Readiness: the silo is up and the catalog answers")
            .Produces<HealthStatus>().Produces<HttpError>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> CheckAsync(HealthCheckService health, string tag, string status, CancellationToken aborted)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(tag), aborted);
        return Answer(report, status);
    }

    /// <summary>Healthy (or degraded): the status and the generation when the catalog check gave one; unhealthy: the first failure's reason.</summary>
    internal static IResult Answer(HealthReport report, string status)
    {
        if (report.Status != CheckStatus.Unhealthy)
        {
            long? generation = report.Entries.TryGetValue(StarmapHealthChecks.Catalog, out var catalog)
                && catalog.Data.TryGetValue(StarmapHealthChecks.GenerationKey, out var value) && value is long g ? g : null;
            return Results.Json(new HealthStatus { Status = status, Generation = generation }, HttpJson.Options);
        }
        // Entries keep registration order: "the silo is starting" comes before what follows from it.
        var failed = report.Entries.First(e => e.Value.Status == CheckStatus.Unhealthy).Value;
        return HttpError.Result(StatusCodes.Status503ServiceUnavailable, "not_ready",
            failed.Description ?? $"a readiness check failed: {failed.Exception?.GetType().Name}");
    }
}

/// <summary>Answer of the health routes.</summary>
public sealed record HealthStatus
{
    /// <summary>live or ready.</summary>
    public required string Status { get; init; }

    /// <summary>The catalog generation this silo serves (ready only).</summary>
    public long? Generation { get; init; }
}
