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
    /// Serves <c>/</c> (index.html) and the assets. Call after <c>UseStarmapHttp</c>, so responses are
    /// compressed and rate limited like the API's; an API route always wins over a file (routing runs first).
    /// </summary>
    public static IApplicationBuilder UseStarmapWebCatalog(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidated on every load (ETag / Last-Modified give a 304): a new silo build is never
                // mixed with stale scripts, and an unchanged asset costs one small round trip.
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers["Referrer-Policy"] = "no-referrer";
                }
            },
        });
        return app;
    }
}
