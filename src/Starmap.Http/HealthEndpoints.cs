using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

/// <summary><c>/health</c> (the process answers) and <c>/ready</c> (the silo is up and the catalog answers).</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder root)
    {
        root.MapGet("/health", () => Results.Json(new HealthStatus { Status = "live" }, HttpJson.Options))
            .WithTags("health").WithName("Health").WithSummary("Liveness: the process answers").Produces<HealthStatus>();

        root.MapGet("/ready", async (StarmapReadiness readiness, IGrainFactory grains, CancellationToken aborted) =>
            {
                if (!readiness.IsReady)
                {
                    return HttpError.Result(StatusCodes.Status503ServiceUnavailable, "not_ready", "the silo is starting");
                }
                try
                {
                    var generation = await grains.GetGrain<ICatalogReaderGrain>(0).GetGenerationAsync().WaitAsync(ReadyTimeout, aborted);
                    return Results.Json(new HealthStatus { Status = "ready", Generation = generation }, HttpJson.Options);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException)
                {
                    return HttpError.Result(StatusCodes.Status503ServiceUnavailable, "not_ready", "the catalog does not answer: " + ex.GetType().Name);
                }
            })
            .WithTags("health").WithName("Ready").WithSummary("Readiness: the silo is up and the catalog answers")
            .Produces<HealthStatus>().Produces<HttpError>(StatusCodes.Status503ServiceUnavailable);
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
