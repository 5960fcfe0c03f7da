using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using Starmap.Grains;
using Starmap.Http;

namespace Starmap.Silo;

/// <summary>Serves the HTTP API from the silo process, on <c>Starmap:HttpAddress</c>:<c>Starmap:HttpPort</c>.</summary>
public static class StarmapSiloHttp
{
    /// <summary>Adds the API's services and binds Kestrel to the configured address only (loopback by default).</summary>
    public static WebApplicationBuilder AddStarmapSiloHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(StarmapSiloOptions.Section).Get<StarmapSiloOptions>() ?? new();
        builder.Services.AddStarmapHttp(builder.Configuration);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", StarmapMetrics.MeterName)
            .AddPrometheusExporter());
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort);
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Operations endpoints beside the API: Prometheus metrics and the Orleans Dashboard.</summary>
    public static WebApplication MapStarmapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Created now so the catalog gauges exist before the first sync records anything.
        app.Services.GetRequiredService<StarmapMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }
}
