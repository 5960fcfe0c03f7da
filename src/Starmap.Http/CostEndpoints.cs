using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Starmap.Http;

/// <summary>
/// The cost of a call: <c>POST /api/v1/cost</c> prices one usage with an offering's prices, and
/// <c>POST /api/v1/cost/batch</c> many, each row answered on its own. Reads (the catalog is not changed), so
/// they take the read key only where reads are keyed. The pricing is <c>catalog.Prices</c>'s, the same code
/// the .NET client and the PowerShell module run.
/// </summary>
internal static class CostEndpoints
{
    private const string Example = "{\"provider\": \"anthropic\", \"model\": \"claude-sonnet-4\", \"usage\": {\"input_tokens\": 1000, \"output_tokens\": 200}}";
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cost", CalculateAsync)
            .Accepts<CostRequestBody>("application/json")
            .WithName("CalculateCost")
            .WithSummary("The cost of one call: body {provider, model, usage: {input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, " +
                "reasoning_tokens, requests, ...}, at?}. One line per priced component with context tiers, cache, reasoning and per-request prices " +
                "and the prices in force at 'at' (default now); amounts are exact decimals. 'total' is null, with 'unpriced' naming why, when the usage needs an unknown price")
            .Produces<CostAnswer>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/cost/batch", CalculateBatchAsync)
            .Accepts<CostBatchBody>("application/json")
            .WithName("CalculateCostBatch")
            .WithSummary($"The cost of many calls: body {{items: [...]}}, each item a body of POST /api/v1/cost, at most {PriceCollection.MaxBatch}. " +
                "Answers every item in order with its cost, or with its own error (an unknown model, a bad count): one bad row never fails the others")
            .Produces<CostBatchAnswer>()
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
    }

    internal static async Task<IResult> CalculateAsync(HttpContext http, StarmapCatalog catalog)
    {
        _ = new QueryReader(http.Request.Query, None);
        if (NotJson(http) is { } refused)
        {
            return refused;
        }
        using var body = await CostBody.ParseAsync(http.Request.Body, Example, http.RequestAborted);
        var request = CostBody.Row(body.RootElement, prefix: "");
        try
        {
            var cost = await catalog.Prices.CalculateAsync(request.ProviderId, request.ModelId, request.Usage, request.At);
            return Results.Json(CostAnswer.From(cost), HttpJson.Options);
        }
        catch (StarmapValidationException invalid)
        {
            throw Named(invalid, prefix: "");
        }
    }

    internal static async Task<IResult> CalculateBatchAsync(HttpContext http, StarmapCatalog catalog)
    {
        _ = new QueryReader(http.Request.Query, None);
        if (NotJson(http) is { } refused)
        {
            return refused;
        }
        using var body = await CostBody.ParseAsync(http.Request.Body, "{\"items\": [" + Example + "]}", http.RequestAborted);
        var root = CostBody.Object(body.RootElement, "body", "", ["items"]);
        if (!root.TryGetValue("items", out var items) || items.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            throw new HttpParameterException("items", "is required: an array of rows, each like " + Example);
        }
        var count = items.GetArrayLength();
        if (count > PriceCollection.MaxBatch)
        {
            throw new HttpParameterException("items", $"holds {count} rows; a batch takes at most {PriceCollection.MaxBatch}: send the rest in another");
        }

        var answers = new CostBatchAnswerItem[count];
        var rows = new List<(int Index, CostRequest Request)>(count);
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            try
            {
                rows.Add((index, CostBody.Row(element, Prefix(index))));
            }
            catch (HttpParameterException bad)
            {
                answers[index] = new CostBatchAnswerItem { Index = index, Error = new HttpErrorBody { Code = bad.Code, Parameter = bad.Parameter, Message = bad.Message } };
            }
            index++;
        }
        var priced = await catalog.Prices.CalculateBatchAsync([.. rows.Select(r => r.Request)]);
        for (var i = 0; i < priced.Count; i++)
        {
            var at = rows[i].Index;
            answers[at] = priced[i] switch
            {
                { Cost: { } cost } => new CostBatchAnswerItem { Index = at, Cost = CostAnswer.From(cost) },
                { Error: StarmapValidationException invalid } => Failed(at, Named(invalid, Prefix(at))),
                { Error: StarmapHistoryRangeException range } => new CostBatchAnswerItem
                {
                    Index = at,
                    Error = new HttpErrorBody { Code = range.TooNew ? "out_of_range" : "out_of_retention", Parameter = "at", Message = range.Message },
                },
                { Error: { } error } => new CostBatchAnswerItem { Index = at, Error = new HttpErrorBody { Code = "not_found", Message = error.Message } },
                _ => throw new InvalidOperationException($"row {at} has neither a cost nor an error"),
            };
        }
        var failed = answers.Count(a => a.Error is not null);
        return Results.Json(new CostBatchAnswer { Priced = count - failed, Failed = failed, Items = answers }, HttpJson.Options);
    }

    private static string Prefix(int index) => $"items[{index}].";

    private static CostBatchAnswerItem Failed(int index, HttpParameterException error) =>
        new() { Index = index, Error = new HttpErrorBody { Code = error.Code, Parameter = error.Parameter, Message = error.Message } };

    /// <summary>The body field a usage rule names, as sent: <c>input_tokens</c> is <c>usage.input_tokens</c> (in a batch, <c>items[3].usage.input_tokens</c>).</summary>
    private static HttpParameterException Named(StarmapValidationException invalid, string prefix)
    {
        var field = invalid.Field is "provider" or "model" or "usage" ? prefix + invalid.Field : prefix + "usage." + invalid.Field;
        var message = invalid.Message.StartsWith(invalid.Field, StringComparison.Ordinal) ? field + invalid.Message[invalid.Field.Length..] : invalid.Message;
        return new HttpParameterException(field, message);
    }

    private static IResult? NotJson(HttpContext http) =>
        http.Request.HasJsonContentType()
            ? null
            : HttpError.Result(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'");
}
