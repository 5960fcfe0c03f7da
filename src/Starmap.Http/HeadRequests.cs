using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Starmap.Http;

/// <summary>
/// <c>HEAD</c> on every <c>GET</c> route, done once for all endpoints: each GET endpoint gets a HEAD twin
/// running the same handler (the server sends its headers and drops the body). The twins are left out of
/// the OpenAPI document and carry no endpoint name, so the document and link generation are unchanged.
/// </summary>
public static class HeadRequests
{
    /// <summary>Adds the HEAD twins; call after every route is mapped.</summary>
    public static IEndpointRouteBuilder MapHeadForGetRoutes(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var sources = endpoints.DataSources.ToList();
        endpoints.DataSources.Clear();
        foreach (var source in sources)
        {
            endpoints.DataSources.Add(source is HeadTwins ? source : new HeadTwins(source));
        }
        return endpoints;
    }

    /// <summary>The endpoints of <paramref name="inner"/> plus a HEAD twin of each GET endpoint without HEAD.</summary>
    private sealed class HeadTwins(EndpointDataSource inner) : EndpointDataSource
    {
        private readonly Lock _gate = new();
        private IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint>? _from;
        private IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint> _endpoints = [];

        public override IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint> Endpoints
        {
            get
            {
                var current = inner.Endpoints;
                lock (_gate)
                {
                    if (!ReferenceEquals(current, _from))
                    {
                        _endpoints = [.. current, .. current.Select(Twin).OfType<Microsoft.AspNetCore.Http.Endpoint>()];
                        _from = current;
                    }
                    return _endpoints;
                }
            }
        }

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();

        private static RouteEndpoint? Twin(Microsoft.AspNetCore.Http.Endpoint endpoint)
        {
            if (endpoint is not RouteEndpoint { RequestDelegate: { } handler } route
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || !methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }
            var metadata = endpoint.Metadata
                .Where(m => m is not IHttpMethodMetadata and not IEndpointNameMetadata and not IRouteNameMetadata)
                .Append(new HttpMethodMetadata([HttpMethods.Head], methods.AcceptCorsPreflight))
                .Append(new ExcludeFromDescriptionAttribute());
            return new RouteEndpoint(handler, route.RoutePattern, route.Order, new EndpointMetadataCollection(metadata), $"HEAD {route.DisplayName}");
        }
    }
}
