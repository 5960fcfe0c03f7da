using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// Documents the model filters in the OpenAPI document. The routes read the query string themselves
/// (to reject unknown parameters and name bad ones), so the generator cannot see them.
/// </summary>
internal sealed class ModelQueryDocumentation : IOpenApiOperationTransformer
{
    private static readonly (string Name, JsonSchemaType Type, string Description)[] Filters =
    [
        ("provider", JsonSchemaType.String, "provider IDs, comma-separated or repeated"),
        ("author", JsonSchemaType.String, "author IDs, comma-separated or repeated"),
        ("id", JsonSchemaType.String, "model ID wildcard (* and ?), case-insensitive"),
        ("name", JsonSchemaType.String, "name wildcard (* and ?), case-insensitive"),
        ("name_contains", JsonSchemaType.String, "case-insensitive substring of the name"),
        ("modality_input", JsonSchemaType.String, "input modalities that must all be supported (text, image, audio, video, pdf, embedding)"),
        ("modality_output", JsonSchemaType.String, "output modalities that must all be supported"),
        ("feature", JsonSchemaType.String, "features that must be known true (tool_calls, streaming...); also feature_<name>=true|false"),
        ("without_feature", JsonSchemaType.String, "features that must be known false"),
        ("min_context", JsonSchemaType.Integer, "context window at least (unknown never matches)"),
        ("max_context", JsonSchemaType.Integer, "context window at most (unknown never matches)"),
        ("max_input_price", JsonSchemaType.Number, "USD per 1M input tokens at most (unknown never matches)"),
        ("max_output_price", JsonSchemaType.Number, "USD per 1M output tokens at most (unknown never matches)"),
        ("status", JsonSchemaType.String, "lifecycle statuses (unknown, active, beta, preview, deprecated, retired)"),
        ("open_weights", JsonSchemaType.Boolean, "open weights known equal"),
        ("released_after", JsonSchemaType.String, "released on or after (yyyy-MM-dd)"),
        ("released_before", JsonSchemaType.String, "released on or before (yyyy-MM-dd)"),
        ("sort", JsonSchemaType.String, "id, name, release_date, context, input_price or output_price"),
        ("order", JsonSchemaType.String, "asc or desc"),
        ("limit", JsonSchemaType.Integer, "page size, 1-1000 (default 100)"),
        ("offset", JsonSchemaType.Integer, "matches to skip"),
        ("min_generation", JsonSchemaType.Integer, "answer from at least this catalog generation (read-your-writes)"),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.RelativePath ?? "";
        if (!route.EndsWith("models", StringComparison.Ordinal) || !route.StartsWith("api/v1/", StringComparison.Ordinal) || route.Contains("openrouter", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        foreach (var (name, type, description) in Filters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = new OpenApiSchema { Type = type },
            });
        }
        return Task.CompletedTask;
    }
}
