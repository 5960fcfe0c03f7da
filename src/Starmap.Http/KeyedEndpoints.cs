using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>
/// The API key on every keyed endpoint, the Starmap routes and those it does not build itself (the Orleans
/// Dashboard, Prometheus metrics, the OpenAPI document): marked with <see cref="ApiKeyRequirement"/>,
/// checked by one middleware after routing, so it works for any endpoint, whatever kind of handler it has.
/// </summary>
public static class KeyedEndpoints
{
    /// <summary>Needs the key when <see cref="StarmapHttpOptions.RequireKeyForReads"/> is on.</summary>
    public static TBuilder RequireStarmapReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiKeyRequirement(ApiKeyScope.Read));

    /// <summary>
    /// Always needs the key (403 when none is configured). <paramref name="browserPrompt"/> also answers a
    /// missing key with a Basic challenge, so a browser asks for it (any user name, the key as password).
    /// </summary>
    public static TBuilder RequireStarmapWriteKey<TBuilder>(this TBuilder builder, bool browserPrompt = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiKeyRequirement(ApiKeyScope.Write, browserPrompt));

    /// <summary>Checks the marked endpoints; call after routing (WebApplication routes first).</summary>
    internal static IApplicationBuilder UseStarmapKeyedEndpoints(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A write route inside a keyed-reads group carries both requirements: the write wins.
            if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<ApiKeyRequirement>() is { Count: > 0 } requirements)
            {
                var guard = context.RequestServices.GetRequiredService<ApiKeyGuard>();
                var write = requirements.Any(r => r.Scope == ApiKeyScope.Write);
                if ((write ? guard.CheckWrite(context) : guard.CheckRead(context)) is { } refused)
                {
                    if (requirements.Any(r => r.BrowserPrompt))
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
