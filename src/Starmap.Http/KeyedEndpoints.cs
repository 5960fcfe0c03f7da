using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>
/// The API key for endpoints the Starmap routes do not build themselves (the Orleans Dashboard, Prometheus
/// metrics, the OpenAPI document): marked with metadata, checked by one middleware after routing, so it
/// works for any endpoint, whatever kind of handler it has.
/// </summary>
public static class KeyedEndpoints
{
    /// <summary>Needs the key when <see cref="StarmapHttpOptions.RequireKeyForReads"/> is on.</summary>
    public static TBuilder RequireStarmapReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointKeyRequirement(Write: false, BrowserPrompt: false));

    /// <summary>
    /// Always needs the key (403 when none is configured). <paramref name="browserPrompt"/> also answers a
    /// missing key with a Basic challenge, so a browser asks for it (any user name, the key as password).
    /// </summary>
    public static TBuilder RequireStarmapWriteKey<TBuilder>(this TBuilder builder, bool browserPrompt = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointKeyRequirement(Write: true, BrowserPrompt: browserPrompt));

    /// <summary>Checks the marked endpoints; call after routing (WebApplication routes first).</summary>
    internal static IApplicationBuilder UseStarmapKeyedEndpoints(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EndpointKeyRequirement>() is { } requirement)
            {
                var guard = context.RequestServices.GetRequiredService<ApiKeyGuard>();
                if ((requirement.Write ? guard.CheckWrite(context) : guard.CheckRead(context)) is { } refused)
                {
                    if (requirement.BrowserPrompt)
                    {
                        context.Response.Headers.Append("WWW-Authenticate", "Basic realm=\"Starmap\", charset=\"UTF-8\"");
                    }
                    await refused.ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
}

/// <summary>Endpoint metadata: the endpoint needs the API key.</summary>
internal sealed record EndpointKeyRequirement(bool Write, bool BrowserPrompt);
