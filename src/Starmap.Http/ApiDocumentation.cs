using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>What an API key guards on a route: read routes (keyed only with RequireKeyForReads) or writes.</summary>
internal enum ApiKeyScope
{
    Read,
    Write,
}

/// <summary>
/// Endpoint metadata: the endpoint is behind <see cref="ApiKeyGuard"/> (checked by
/// <see cref="KeyedEndpoints"/>' middleware; the widest scope on an endpoint wins) and the OpenAPI document
/// states its security. <paramref name="BrowserPrompt"/> answers a missing key with a Basic challenge.
/// </summary>
internal sealed record ApiKeyRequirement(ApiKeyScope Scope, bool BrowserPrompt = false);

/// <summary>Endpoint metadata: the route answers with the catalog ETag and a 304 to a matching If-None-Match.</summary>
internal sealed record CatalogETagMetadata;

/// <summary>Endpoint metadata: a query parameter the route reads itself (through <see cref="QueryReader"/>), so the generator cannot see it.</summary>
internal sealed record QueryParameterMetadata(string Name, JsonSchemaType Type, string Description, IReadOnlyList<string>? Values = null, bool Repeatable = false);

/// <summary>
/// Conventions that describe a route in the OpenAPI document. Response codes go in as endpoint metadata
/// (the generator then writes the <see cref="HttpError"/> schema reference itself); the transformers
/// (<see cref="OpenApiDocumentation"/>) add descriptions, headers, parameters and security from it.
/// </summary>
internal static class ApiDocumentation
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>The route can answer each of <paramref name="statuses"/> with the one error shape.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(HttpError), Json));
        }
        return builder;
    }

    /// <summary>The route answers with the catalog ETag: a 304 to a matching If-None-Match.</summary>
    public static TBuilder WithCatalogETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CatalogETagMetadata(), new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));

    /// <summary>Query parameters the route reads itself.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, params QueryParameterMetadata[] parameters) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. parameters]);

    /// <summary>Marks a keyed route: writes can answer 401 and 403; reads 401 only when the silo requires keys for reads.</summary>
    public static TBuilder DocumentsApiKey<TBuilder>(this TBuilder builder, ApiKeyScope scope) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(new ApiKeyRequirement(scope));
            var readsNeedKey = endpoint.ApplicationServices.GetService<StarmapHttpOptions>()?.RequireKeyForReads == true;
            if (scope == ApiKeyScope.Write || readsNeedKey)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(HttpError), Json));
            }
            if (scope == ApiKeyScope.Write)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(HttpError), Json));
            }
        });
        return builder;
    }
}

/// <summary>Query parameters shared by several routes.</summary>
internal static class QueryParameters
{
    public static readonly QueryParameterMetadata MinGeneration = new("min_generation", JsonSchemaType.Integer,
        "Answer from at least this catalog generation (read-your-writes); 409 conflict while this silo has not reached it");

    public static readonly QueryParameterMetadata DryRun = new("dry_run", JsonSchemaType.Boolean,
        "true: compute and return the changeset without applying it (the last real sync outcome is kept)");

    public static readonly QueryParameterMetadata Force = new("force", JsonSchemaType.Boolean,
        "true: apply even when the plausibility guard objects (e.g. a model list that shrank by more than half)");

    public static readonly QueryParameterMetadata Source = new("source", JsonSchemaType.String,
        "Sources to sync (default: all that apply); comma-separated or repeated", [SourceIds.ProviderApi, SourceIds.ModelsDev, SourceIds.Local], Repeatable: true);

    public static readonly QueryParameterMetadata Discover = new("discover", JsonSchemaType.Boolean,
        "true: first create every provider models.dev lists that the catalog lacks (a dry run only reports them), then sync it with the others");

    public static readonly QueryParameterMetadata Changes = new("changes", JsonSchemaType.Boolean,
        "true: each provider's entry carries its changeset (default: true for a dry run, else counts only)");

    public static readonly QueryParameterMetadata Format = new("format", JsonSchemaType.String,
        "Format of the body", ["models.dev"]);
}
