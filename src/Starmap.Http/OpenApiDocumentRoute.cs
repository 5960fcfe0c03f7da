using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Starmap.Http;

/// <summary>
/// Serves the one OpenAPI document. <c>MapOpenApi</c> answers any other document name itself with a
/// text/plain 404, which the status-code pages cannot reshape (a body is already written); this filter
/// answers it first, in the error shape of every route.
/// </summary>
internal static class OpenApiDocumentRoute
{
    /// <summary>The document's name, as in <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public static IEndpointConventionBuilder MapStarmapOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi().AddEndpointFilter((context, next) =>
            context.HttpContext.GetRouteValue("documentName") is string name && name != DocumentName
                ? ValueTask.FromResult<object?>(HttpError.NotFound($"no OpenAPI document '{QueryReader.Printable(name)}'; the document is /openapi/{DocumentName}.json"))
                : next(context));
}
