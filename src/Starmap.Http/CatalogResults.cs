using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Starmap.Http;

/// <summary>
/// Catalog reads answer with <c>ETag: "&lt;generation&gt;"</c>: the generation names the whole catalog
/// state, so a client holding it gets a 304 until anything is published; <c>Cache-Control: no-cache</c>
/// tells caches to revalidate with it.
/// </summary>
internal static class CatalogResults
{
    public static IResult Json<T>(HttpContext context, long generation, T value) =>
        NotModified(context, generation) ?? Results.Json(value, HttpJson.Options);

    /// <summary>Pre-serialized JSON (the interop exports have their own serializer settings).</summary>
    public static IResult Text(HttpContext context, long generation, Func<string> json) =>
        NotModified(context, generation) ?? Results.Text(json(), "application/json; charset=utf-8");

    private static IResult? NotModified(HttpContext context, long generation)
    {
        var etag = new EntityTagHeaderValue($"\"{generation}\"");
        context.Response.Headers.ETag = etag.ToString();
        // Any publish changes the answer: caches keep it but ask again each time (a cheap 304 while current).
        // Keyed reads must not land in a shared cache.
        context.Response.Headers.CacheControl = context.RequestServices.GetRequiredService<StarmapHttpOptions>().RequireKeyForReads
            ? "private, no-cache"
            : "no-cache";
        return IsCurrent(context.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    /// <summary>True when the request's <c>If-None-Match</c> names <paramref name="etag"/> (weakly) or <c>*</c>.</summary>
    public static bool IsCurrent(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}
