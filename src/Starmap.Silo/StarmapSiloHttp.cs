using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Starmap.Grains;
using Starmap.Http;

namespace Starmap.Silo;

/// <summary>Serves the HTTP API from the silo process, on <c>Starmap:HttpAddress</c>:<c>Starmap:HttpPort</c>.</summary>
public static class StarmapSiloHttp
{
    /// <summary>The OpenTelemetry service name of a silo.</summary>
    public const string ServiceName = "starmap-silo";

    /// <summary>Adds the API's services and binds Kestrel to the configured address only (loopback by default).</summary>
    public static WebApplicationBuilder AddStarmapSiloHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = StarmapSiloOptionsValidator.Read(builder.Configuration);
        builder.Services.AddStarmapHttp(builder.Configuration);
        // /ready also asks the store (one instance: in Redis modes it keeps its connection).
        builder.Services.AddSingleton<StoreHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [StarmapHealthChecks.Ready]);
        // A service name, so series say service_name="starmap-silo" rather than "unknown_service:dotnet".
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(StarmapSiloHttp).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
            // System.Runtime: the runtime's own meter (collections and their pause time, allocations, the thread
            // pool), what a sync's garbage costs the reads beside it.
            .AddMeter("Microsoft.Orleans", StarmapMetrics.MeterName, "System.Runtime")
            .AddPrometheusExporter());
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            // Requests Kestrel itself rejects (NUL in the path, 414, 431) answer in the API's error shape too.
            kestrel.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort, listen => listen.UseStarmapErrorShape());
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>
    /// Operations endpoints beside the API: Prometheus metrics (keyed like reads) and, when
    /// <see cref="StarmapHttpOptions.Dashboard"/> is on, the Orleans Dashboard (always keyed).
    /// </summary>
    public static WebApplication MapStarmapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Created now so the catalog gauges exist before the first sync records anything.
        app.Services.GetRequiredService<StarmapMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireStarmapReadKey();
        if (app.Services.GetRequiredService<StarmapHttpOptions>().Dashboard)
        {
            // An admin surface (it streams the live silo log): the write key, which a browser is prompted for.
            app.MapOrleansDashboard(routePrefix: "/dashboard").RequireStarmapWriteKey(browserPrompt: true);
        }
        return app;
    }
}
