using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Starmap.Http;

/// <summary>
/// The ASP.NET Core health checks behind <c>/health</c> and <c>/ready</c>. Liveness (tag
/// <see cref="Live"/>) has no checks: the process answering is the proof. Readiness (tag
/// <see cref="Ready"/>): the silo has started, the catalog answers, and whatever the host adds
/// (the silo adds its store).
/// </summary>
public static class StarmapHealthChecks
{
    /// <summary>Tag of the checks <c>/health</c> runs.</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks <c>/ready</c> runs.</summary>
    public const string Ready = "ready";

    /// <summary>Name of the check that the silo has started.</summary>
    public const string Started = "started";

    /// <summary>Name of the check that the catalog answers; its data carries the generation.</summary>
    public const string Catalog = "catalog";

    /// <summary>Key of the generation in <see cref="Catalog"/>'s data.</summary>
    public const string GenerationKey = "generation";

    /// <summary>Adds the health check service with the started and catalog checks; returns the builder for more.</summary>
    public static IHealthChecksBuilder AddStarmapHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<StartedHealthCheck>(Started, tags: [Ready])
            .AddCheck<CatalogHealthCheck>(Catalog, tags: [Ready]);
}

/// <summary>Unhealthy until the host marks the silo ready (seeded, accepting calls).</summary>
internal sealed class StartedHealthCheck(StarmapReadiness readiness) : IHealthCheck
{
    public const string Starting = "the silo is starting";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(Starting));
}

/// <summary>The catalog answers this silo's generation within 5 s.</summary>
internal sealed class CatalogHealthCheck(StarmapReadiness readiness, IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            // Grain calls before the silo started would only wait; the started check says why.
            return HealthCheckResult.Unhealthy(StartedHealthCheck.Starting);
        }
        try
        {
            var generation = await grains.GetGrain<ICatalogReaderGrain>(0).GetGenerationAsync().WaitAsync(ReadyTimeout, cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { [StarmapHealthChecks.GenerationKey] = generation });
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("the catalog does not answer: " + ex.GetType().Name);
        }
    }
}
