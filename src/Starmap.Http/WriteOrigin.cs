using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Starmap.Http;

/// <summary>
/// Marks the API's writes for the change log: every request other than GET, HEAD and OPTIONS runs with
/// origin <c>http</c> in the Orleans request context, which flows with its grain calls to the registry.
/// (A sync the request starts records its own origin, <c>sync</c>; an import, <c>import</c>.)
/// </summary>
internal static class WriteOrigin
{
    public static IApplicationBuilder UseStarmapWriteOrigin(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            {
                await next(context);
                return;
            }
            RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Http);
            try
            {
                await next(context);
            }
            finally
            {
                RequestContext.Remove(ChangeOrigins.RequestContextKey);
            }
        });
}
