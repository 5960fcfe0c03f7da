using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort);
            kestrel.AddServerHeader = false;
        });
        return builder;
    }
}
