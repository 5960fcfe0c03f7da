using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Catalog.Validation;

namespace Starmap.Http;

/// <summary>
/// Checks provider and author IDs in the route before any grain is called. A grain activated with a bad
/// key fails in <c>OnActivateAsync</c>, and Orleans logs that as two error lines with a stack trace: a
/// client could grow the log at will with malformed IDs.
/// </summary>
internal static class RouteIds
{
    // Route values that hold a provider or author ID (both follow the same kebab-case rule).
    private static readonly string[] EntityIdValues = ["id", "provider"];

    public static RouteGroupBuilder ValidateRouteIds(this RouteGroupBuilder group) =>
        group.AddEndpointFilter((context, next) =>
        {
            var values = context.HttpContext.Request.RouteValues;
            foreach (var name in EntityIdValues)
            {
                if (values.TryGetValue(name, out var value) && value is string id)
                {
                    IdRules.ValidateProviderId(id, name);
                }
            }
            return next(context);
        });
}
