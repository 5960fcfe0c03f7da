using Microsoft.AspNetCore.Http;
using Starmap.Catalog.Validation;

namespace Starmap.Http;

/// <summary>Builds a <see cref="ModelQuery"/> from <c>/api/v1/models</c> query parameters.</summary>
internal static class ModelQueryParser
{
    private const string FeaturePrefix = "feature_";

    /// <summary>Every parameter the model routes take (plus <c>feature_&lt;name&gt;=true|false</c>).</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "provider", "author", "id", "name", "name_contains", "modality_input", "modality_output",
        "feature", "without_feature", "min_context", "max_context", "max_input_price", "max_output_price",
        "status", "open_weights", "released_after", "released_before", "sort", "order", "limit", "offset",
        "min_generation", "q", "family",
    };

    // The validator names filters after ModelQuery's JSON members; a few differ from the parameters.
    private static readonly Dictionary<string, string> FieldToParameter = new(StringComparer.Ordinal)
    {
        ["input_modalities"] = "modality_input",
        ["output_modalities"] = "modality_output",
        ["features"] = "feature",
        ["without_features"] = "without_feature",
        ["search"] = "q",
        ["families"] = "family",
    };

    /// <summary>The parameter a validation field names; grain keys ("provider key") are the route's <c>id</c>.</summary>
    public static string ParameterOf(string field) =>
        field.EndsWith(" key", StringComparison.Ordinal) ? "id" : FieldToParameter.GetValueOrDefault(field, field);

    /// <summary>The query the parameters name; <paramref name="also"/> are further parameters the route reads itself.</summary>
    public static ModelQuery Parse(IQueryCollection query, IReadOnlySet<string>? also = null)
    {
        // The route's own parameters are named with these in the answer to an unknown one.
        var allowed = also is null ? Parameters : Parameters.Union(also, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var reader = new QueryReader(query, allowed, key => key.StartsWith(FeaturePrefix, StringComparison.Ordinal));
        var features = reader.List("feature").Select(f => Feature("feature", f)).ToList();
        var without = reader.List("without_feature").Select(f => Feature("without_feature", f)).ToList();
        foreach (var key in reader.Keys.Where(k => k.StartsWith(FeaturePrefix, StringComparison.Ordinal)))
        {
            var feature = Feature(key, key[FeaturePrefix.Length..]);
            (reader.Bool(key) == true ? features : without).Add(feature);
        }
        var search = reader.String("q");
        var result = new ModelQuery
        {
            Providers = [.. reader.List("provider")],
            Authors = [.. reader.List("author")],
            Id = reader.String("id"),
            Name = reader.String("name"),
            NameContains = reader.String("name_contains"),
            InputModalities = [.. reader.Enums<Modality>("modality_input")],
            OutputModalities = [.. reader.Enums<Modality>("modality_output")],
            Features = [.. features.Distinct()],
            WithoutFeatures = [.. without.Distinct()],
            MinContext = reader.Long("min_context"),
            MaxContext = reader.Long("max_context"),
            MaxInputPrice = reader.Decimal("max_input_price"),
            MaxOutputPrice = reader.Decimal("max_output_price"),
            Statuses = [.. reader.Enums<LifecycleStatus>("status")],
            OpenWeights = reader.Bool("open_weights"),
            ReleasedAfter = reader.Date("released_after"),
            ReleasedBefore = reader.Date("released_before"),
            // A search without a sort ranks by relevance: the best match first is what "q" asks for.
            Sort = reader.Enum<ModelSort>("sort") ?? (string.IsNullOrWhiteSpace(search) ? ModelSort.Id : ModelSort.Relevance),
            Order = Order(reader.String("order")),
            Limit = reader.Int("limit"),
            Offset = reader.Int("offset") ?? 0,
            MinGeneration = reader.Long("min_generation") ?? 0,
            Search = search,
            Families = [.. reader.List("family")],
        };
        Validate(result);
        return result;
    }

    /// <summary>Checks here rather than in the grain: a bad filter costs no grain call, and the error names the parameter.</summary>
    public static void Validate(ModelQuery query)
    {
        try
        {
            CatalogValidator.Validate(query);
        }
        catch (StarmapValidationException ex)
        {
            throw new HttpParameterException(ParameterOf(ex.Field), ex.Message.Replace(ex.Field, ParameterOf(ex.Field), StringComparison.Ordinal));
        }
    }

    private static SortOrder Order(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "asc" or "ascending" => SortOrder.Ascending,
        "desc" or "descending" => SortOrder.Descending,
        _ => throw new HttpParameterException("order", $"'{QueryReader.Printable(text)}' is not asc or desc"),
    };

    private static Feature Feature(string parameter, string name) =>
        FeatureFlagsJsonConverter.TryParse(name, out var feature)
            ? feature
            : throw new HttpParameterException(parameter, $"'{QueryReader.Printable(name)}' is not a feature (e.g. tool_calls, streaming, reasoning)");
}
