using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Starmap.Http;

/// <summary>
/// The web catalog at <c>/</c>: plain HTML, CSS and JavaScript under <c>wwwroot/</c>, embedded in this
/// assembly by the normal build (no front-end toolchain), served by the static-file middleware. The pages
/// read the catalog through the same <c>/api/v1</c> routes as any other client.
/// </summary>
public static class WebCatalog
{
    // Nothing outside this origin: the catalog works offline, and a page can never leak a key elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The embedded assets (<c>wwwroot/*</c> as <c>/*</c>).</summary>
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(WebCatalog).Assembly, "Starmap.Http.wwwroot");

    /// <summary>
    /// Serves <c>/</c> (index.html, naming this build's versioned assets: <see cref="WebCatalogShell"/>) and the
    /// assets. Call after <c>UseStarmapHttp</c>, so responses are compressed and rate limited like the API's; an
    /// API route always wins over a file (routing runs first).
    /// </summary>
    public static IApplicationBuilder UseStarmapWebCatalog(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // An API route matched by routing is never a file.
            if (context.GetEndpoint() is null && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                var path = context.Request.Path.Value ?? "";
                if (path is "/" or "/index.html")
                {
                    await ShellAsync(context);
                    return;
                }
                if (path.StartsWith(WebCatalogShell.Prefix, StringComparison.Ordinal) && path.IndexOf('/', WebCatalogShell.Prefix.Length) is > 0 and var slash)
                {
                    // Another build's version (a page loaded before an upgrade) gets today's file, revalidated as usual.
                    context.Items[Versioned] = path[WebCatalogShell.Prefix.Length..slash] == WebCatalogShell.Version;
                    context.Request.Path = path[slash..];
                }
            }
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Under this build's /v/{version}/ a file never changes: kept without asking again. At its plain
                // path it is revalidated on every load (ETag / Last-Modified give a 304).
                headers.CacheControl = context.Context.Items[Versioned] is true ? "public, max-age=31536000, immutable" : "no-cache";
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    Shell(headers);
                }
            },
        });
        return app;
    }

    private static readonly object Versioned = new();

    // The page shell names this build's versioned assets; it is itself revalidated (its ETag is the version).
    private static async Task ShellAsync(HttpContext context)
    {
        var response = context.Response;
        var etag = $"\"{WebCatalogShell.Version}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        Shell(response.Headers);
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = WebCatalogShell.Html.Length;
        await response.Body.WriteAsync(WebCatalogShell.Html, context.RequestAborted);
    }

    private static void Shell(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
