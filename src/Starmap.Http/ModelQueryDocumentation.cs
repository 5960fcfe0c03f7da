using System.Text.Json;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// The model filters as OpenAPI query parameters. The routes read the query string themselves (to
/// reject unknown parameters and name bad ones), so the generator cannot see them; every name that
/// <see cref="ModelQueryParser"/> takes is listed, <c>feature_&lt;name&gt;</c> once per feature.
/// </summary>
internal static class ModelQueryDocumentation
{
    private static readonly IReadOnlyList<QueryParameterMetadata> All = Create();

    /// <summary>Every filter; <paramref name="fixedByRoute"/> (provider or author) is the route's own ID, and naming another is a 400.</summary>
    public static QueryParameterMetadata[] Parameters(string? fixedByRoute = null) =>
        [.. All.Select(p => p.Name == fixedByRoute ? p with { Description = $"The {fixedByRoute} in the path; naming another is a 400 (use /api/v1/models for several)" } : p)];

    private static List<QueryParameterMetadata> Create()
    {
        var modalities = Names<Modality>();
        var features = Enum.GetValues<Feature>().Select(FeatureFlagsJsonConverter.NameOf).ToList();
        List<QueryParameterMetadata> parameters =
        [
            new("provider", JsonSchemaType.String, "Provider IDs; comma-separated or repeated", Repeatable: true),
            new("author", JsonSchemaType.String, "Author IDs; comma-separated or repeated", Repeatable: true),
            new("id", JsonSchemaType.String, "Model ID wildcard (* and ?), case-insensitive"),
            new("name", JsonSchemaType.String, "Name wildcard (* and ?), case-insensitive"),
            new("name_contains", JsonSchemaType.String, "Case-insensitive substring of the name"),
            new("modality_input", JsonSchemaType.String, "Input modalities that must all be supported; comma-separated or repeated", modalities, Repeatable: true),
            new("modality_output", JsonSchemaType.String, "Output modalities that must all be supported; comma-separated or repeated", modalities, Repeatable: true),
            new("feature", JsonSchemaType.String, "Features that must be known true; comma-separated or repeated", features, Repeatable: true),
            new("without_feature", JsonSchemaType.String, "Features that must be known false; comma-separated or repeated", features, Repeatable: true),
            new("min_context", JsonSchemaType.Integer, "Context window at least (unknown never matches)"),
            new("max_context", JsonSchemaType.Integer, "Context window at most (unknown never matches)"),
            new("max_input_price", JsonSchemaType.Number, "USD per 1M input tokens at most (unknown never matches)"),
            new("max_output_price", JsonSchemaType.Number, "USD per 1M output tokens at most (unknown never matches)"),
            new("status", JsonSchemaType.String, "Lifecycle statuses; comma-separated or repeated", Names<LifecycleStatus>(), Repeatable: true),
            new("open_weights", JsonSchemaType.Boolean, "Open weights known equal"),
            new("released_after", JsonSchemaType.String, "Released on or after (yyyy-MM-dd)"),
            new("released_before", JsonSchemaType.String, "Released on or before (yyyy-MM-dd)"),
            new("q", JsonSchemaType.String,
                "Free text: every word must appear (case-insensitive) in the model ID, definition ID, name, description, an author or the family. " +
                "Without sort, results are ranked: exact ID, then ID prefix, then whole words of the name, then any ID or name match, then the other fields"),
            new("family", JsonSchemaType.String, "Families (case-insensitive); comma-separated or repeated", Repeatable: true),
            new("sort", JsonSchemaType.String, "Sort key (default id; relevance when q is given)", Names<ModelSort>()),
            new("order", JsonSchemaType.String, "Sort order (default asc)", ["asc", "desc"]),
            new("limit", JsonSchemaType.Integer, "Page size, 1-1000 (default 100)"),
            new("offset", JsonSchemaType.Integer, "Matches to skip"),
            QueryParameters.MinGeneration,
        ];
        parameters.AddRange(features.Select(f => new QueryParameterMetadata("feature_" + f, JsonSchemaType.Boolean, $"true: {f} must be known true; false: known false")));
        return parameters;
    }

    private static List<string> Names<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()))];
}
