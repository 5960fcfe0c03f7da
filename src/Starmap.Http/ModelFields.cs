using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Starmap.Http;

/// <summary>
/// The <c>fields</c> parameter of <c>GET /api/v1/models</c>: absent, the full models; <c>summary</c>, a
/// <see cref="ModelSummaryPage"/> with only what a catalog table shows (the web catalog's first page).
/// </summary>
internal static class ModelFields
{
    public const string Parameter = "fields";

    private const string Summary = "summary";

    public static readonly QueryParameterMetadata Documentation = new(Parameter, JsonSchemaType.String,
        "summary: each item is only provider_id, model_id, name, status, context_window, input_price, output_price (USD per 1M tokens), " +
        "release_date, knowledge_cutoff and author_ids, unknown fields absent (no provenance; about a tenth of the full answer). " +
        "Absent: the full models", [Summary]);

    /// <summary>True for <c>fields=summary</c>; any other value is a 400 naming the parameter.</summary>
    public static bool Read(IQueryCollection query)
    {
        var values = query[Parameter];
        return values.Count switch
        {
            0 => false,
            1 when values[0] == Summary => true,
            1 => throw new HttpParameterException(Parameter, $"must be '{Summary}' (only what a table shows) or absent (the full models)"),
            _ => throw new HttpParameterException(Parameter, "must be given once"),
        };
    }
}
