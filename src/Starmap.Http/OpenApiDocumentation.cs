using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// Document-wide parts of <c>/openapi/v1.json</c>: title, tags, the two API key schemes and each
/// operation's security requirement. Security is set here rather than per operation: a scheme reference
/// only serializes once the scheme is registered in the document (an unresolved one would silently
/// become <c>{}</c>, "no key needed").
/// </summary>
internal sealed class OpenApiDocumentation : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["catalog"] = "Providers, authors, models and endpoints; provider syncs and their schedules",
        ["exports"] = "The catalog in the OpenAI and OpenRouter list-models shapes, for their clients",
        ["health"] = "Liveness and readiness probes: no key, no rate limit",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var readsNeedKey = context.ApplicationServices.GetService<StarmapHttpOptions>()?.RequireKeyForReads == true;
        document.Info = new OpenApiInfo
        {
            Title = "Starmap API",
            Version = "v1",
            Description = "The Starmap catalog of AI models, providers and authors. Errors have one shape, "
                + "{\"error\":{\"code\",\"parameter\",\"message\"}}. Writes need the API key (Authorization: Bearer <key> or X-Api-Key: <key>); "
                + (readsNeedKey ? "this silo requires it for reads too." : "reads take it optionally (this silo does not require it for reads)."),
        };
        // The generator writes the request's base address with a trailing '/'; paths already start with one.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        document.Components ??= new OpenApiComponents();
        document.AddComponent(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The API key as a bearer token: Authorization: Bearer <key>",
        });
        document.AddComponent(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The API key in the X-Api-Key header",
        });

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            var scope = operation.Metadata?.TryGetValue(OpenApiOperationDocumentation.KeyScope, out var found) == true ? (ApiKeyScope?)found : null;
            operation.Security = Requirements(document, scope, readsNeedKey);
        }
        return Task.CompletedTask;
    }

    /// <summary>Either scheme satisfies a keyed route; an empty requirement marks the key optional; none: the route is public.</summary>
    private static List<OpenApiSecurityRequirement> Requirements(OpenApiDocument document, ApiKeyScope? scope, bool readsNeedKey)
    {
        if (scope is null)
        {
            return [];
        }
        List<OpenApiSecurityRequirement> requirements =
        [
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
        ];
        if (scope == ApiKeyScope.Read && !readsNeedKey)
        {
            requirements.Add(new OpenApiSecurityRequirement());
        }
        return requirements;
    }
}

/// <summary>
/// Per-operation parts: the query parameters a route reads itself, If-None-Match on ETag routes, and a
/// description (and the headers that matter) for every response code. It also notes the route's key
/// scope in the operation's (unserialized) metadata for <see cref="OpenApiDocumentation"/>, which runs after it.
/// </summary>
internal sealed class OpenApiOperationDocumentation : IOpenApiOperationTransformer
{
    /// <summary>Metadata key of the route's <see cref="ApiKeyScope"/>; absent on public routes.</summary>
    public const string KeyScope = "starmap:api-key-scope";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["200"] = "OK",
        ["304"] = "Not modified: If-None-Match holds the current ETag (the catalog generation)",
        ["400"] = "A query parameter, route value or body field is unknown or malformed; error.parameter names it",
        ["401"] = "The API key is missing or not valid (see WWW-Authenticate)",
        ["403"] = "Writes are disabled: the silo has no API key configured",
        ["404"] = "Not found; error.message names what",
        ["410"] = "Gone: the change log's retention (Starmap:History:Retention) deleted the changes asked for",
        ["409"] = "conflict: min_generation is ahead of this silo's catalog (retry shortly), or the entity changed meanwhile",
        ["413"] = "The body is larger than Starmap:Http:MaxRequestBodyBytes (Starmap:Http:MaxImportBytes for an import)",
        ["415"] = "The body is not sent as JSON (Content-Type: application/json)",
        ["429"] = "Too many requests from this client; Retry-After says when to retry",
        ["503"] = "The silo is starting or the cluster did not answer in time; retry later",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var etag = metadata.OfType<CatalogETagMetadata>().Any();
        // A write route inside a keyed-reads group carries both; the write wins.
        if (metadata.OfType<ApiKeyRequirement>().Select(r => (ApiKeyScope?)r.Scope).Max() is { } scope)
        {
            (operation.Metadata ??= new Dictionary<string, object>())[KeyScope] = scope;
        }
        DescribePathParameters(operation, context.Description.RelativePath ?? "");
        foreach (var parameter in metadata.OfType<QueryParameterMetadata>())
        {
            (operation.Parameters ??= []).Add(Query(parameter));
        }
        if (etag)
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag from an earlier answer: 304 while the catalog is unchanged",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        SortResponses(operation);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (Descriptions.TryGetValue(status, out var description) && (status != "200" || string.IsNullOrEmpty(concrete.Description)))
            {
                concrete.Description = description;
            }
            var header = status switch
            {
                "200" or "304" when etag => ("ETag", "The catalog generation the answer is from, quoted"),
                "401" => ("WWW-Authenticate", "Bearer, or Bearer error=\"invalid_token\" for a wrong key"),
                "429" or "503" => ("Retry-After", "Seconds to wait before retrying"),
                _ => default((string, string)?),
            };
            if (header is var (name, text))
            {
                (concrete.Headers ??= new Dictionary<string, IOpenApiHeader>())[name] = new OpenApiHeader
                {
                    Description = text,
                    Schema = new OpenApiSchema { Type = name == "Retry-After" ? JsonSchemaType.Integer : JsonSchemaType.String },
                };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The generator names route values but cannot say what they hold.</summary>
    private static void DescribePathParameters(OpenApiOperation operation, string route)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            parameter.Description ??= parameter.Name switch
            {
                "id" when route.StartsWith("api/v1/authors/", StringComparison.Ordinal) => "Author ID",
                "id" or "provider" => "Provider ID",
                "model" when route.StartsWith("v1/", StringComparison.Ordinal) => "A provider/model ID of the merged list; '/' plain or as %2F",
                "model" or "modelId" => "The provider's model ID; it may hold '/' (plain or as %2F) and '@'",
                "path" => "The provider's model ID followed by /price-history; the ID may hold '/' (plain or as %2F) and '@'",
                "runId" => "The run_id of a sync that POST .../sync answered with 202",
                "generation" => "A catalog generation, as write results, ETags and the update stream's events name it",
                "author" => "Author of the model: the first part of its author/slug (an unlinked model's list slug names its credited author, else its provider)",
                "slug" => "The rest of the author/slug; it may hold '/' (an unlinked model's slug is its model ID)",
                _ => null,
            };
        }
    }

    /// <summary>Responses in status order (the generator lists them in metadata order, shared errors first).</summary>
    private static void SortResponses(OpenApiOperation operation)
    {
        if (operation.Responses is not { Count: > 1 } responses)
        {
            return;
        }
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses.Add(status, response);
        }
    }

    private static OpenApiParameter Query(QueryParameterMetadata parameter)
    {
        var value = new OpenApiSchema { Type = parameter.Type };
        if (parameter.Values is { } values)
        {
            value.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))];
        }
        var query = new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = parameter.Description,
            Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value,
        };
        if (parameter.Repeatable)
        {
            // Repeated (?source=a&source=b); the routes also split each value at commas.
            query.Style = ParameterStyle.Form;
            query.Explode = true;
        }
        return query;
    }
}
