using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Starmap.Catalog.Validation;

namespace Starmap.Http;

/// <summary>
/// <c>GET /api/v1/changes</c>: the change log, field by field, oldest first (<c>order=desc</c>: newest first),
/// filtered and paged with a <c>next</c> cursor (also sent as a <c>Link: rel="next"</c> header); <c>GET /api/v1/changes/{generation}</c>:
/// one generation's time, origin, summary and changes. Read through <see cref="IChangeLogGrain"/>.
/// Changes retention deleted answer 410, naming the parameter.
/// </summary>
internal static class ChangeEndpoints
{
    private static readonly IReadOnlySet<string> ListParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "since_generation", "until_generation", "since", "until", "provider", "author", "model", "field", "bookkeeping", "limit", "after", "order",
    };

    private static readonly IReadOnlySet<string> GenerationParameters =
        new HashSet<string>(StringComparer.Ordinal) { "field", "bookkeeping", "limit", "after", "order" };

    private static readonly QueryParameterMetadata Field = new("field", JsonSchemaType.String,
        "Only fields whose path is this or starts with it followed by . or [ (e.g. pricing, pricing.tokens.input)");
    private static readonly QueryParameterMetadata Bookkeeping = new("bookkeeping", JsonSchemaType.Boolean,
        "Include bookkeeping fields (created_at, updated_at, provenance); default false");
    private static readonly QueryParameterMetadata Limit = new("limit", JsonSchemaType.Integer,
        $"Page size, 1 to {ChangeQuery.MaxLimit} (default {ChangeQuery.DefaultLimit})");
    private static readonly QueryParameterMetadata After = new("after", JsonSchemaType.String,
        "Continue after this position: the previous page's next (generation.sequence); with order=desc the next page is older");
    private static readonly QueryParameterMetadata Order = new("order", JsonSchemaType.String,
        "asc: oldest first (default); desc: newest first, e.g. a model's most recent changes", ["asc", "desc"]);

    private static readonly QueryParameterMetadata[] ListDocumented =
    [
        new("since_generation", JsonSchemaType.Integer, "Only changes of generations after this one"),
        new("until_generation", JsonSchemaType.Integer, "Only changes of generations up to and including this one"),
        new("since", JsonSchemaType.String, "Only changes published at or after this time (ISO 8601, e.g. 2026-06-01T00:00:00Z)"),
        new("until", JsonSchemaType.String, "Only changes published before this time (ISO 8601)"),
        new("provider", JsonSchemaType.String, "Only changes of this provider (its record and offerings)"),
        new("author", JsonSchemaType.String, "Only changes of this author (its record and definitions)"),
        new("model", JsonSchemaType.String, "Only changes of this model: an offering's model ID or a definition's author/slug"),
        Field, Bookkeeping, Limit, After, Order,
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/changes", async (HttpContext http, IGrainFactory grains) =>
            {
                var reader = new QueryReader(http.Request.Query, ListParameters);
                var query = Paging(reader, new ChangeQuery
                {
                    SinceGeneration = NotNegative(reader, "since_generation"),
                    UntilGeneration = NotNegative(reader, "until_generation"),
                    Since = Time(reader, "since"),
                    Until = Time(reader, "until"),
                    Provider = EntityId(reader, "provider", IdRules.ValidateProviderId),
                    Author = EntityId(reader, "author", IdRules.ValidateAuthorId),
                    Model = NotEmpty(reader, "model"),
                });
                if (query is { Since: { } since, Until: { } until } && until < since)
                {
                    throw new HttpParameterException("until", "is before since");
                }
                if (query is { SinceGeneration: { } first, UntilGeneration: { } last } && last < first)
                {
                    // Answered empty, a reversed range would look like "nothing changed".
                    throw new HttpParameterException("until_generation", FormattableString.Invariant($"is before since_generation ({first})"));
                }
                return await AnswerAsync(http, grains, query, null);
            })
            .WithName("ListChanges")
            .WithSummary("The change log: every field each publish changed (old and new value, origin, source, time), oldest or newest first, paged")
            .Produces<ChangeListResponse>().WithQueryParameters(ListDocumented)
            .ProducesErrors(StatusCodes.Status410Gone);

        api.MapGet("/changes/{generation:long}", async (HttpContext http, IGrainFactory grains, long generation) =>
            {
                var reader = new QueryReader(http.Request.Query, GenerationParameters);
                var query = Paging(reader, new ChangeQuery { SinceGeneration = generation - 1, UntilGeneration = generation });
                var log = grains.GetGrain<IChangeLogGrain>(0);
                var info = await log.GetGenerationAsync(generation);
                if (info is null)
                {
                    var bounds = await log.GetBoundsAsync();
                    return bounds.PrunedThrough >= generation
                        ? HttpError.Result(StatusCodes.Status410Gone, "pruned",
                            $"the changes of generation {generation} were deleted by retention (Starmap:History:Retention); the oldest kept is {bounds.FirstGeneration?.ToString(CultureInfo.InvariantCulture) ?? "none"}", "generation")
                        : HttpError.NotFound($"the change log holds no generation {generation}");
                }
                return await AnswerAsync(http, grains, query, info);
            })
            .WithName("GetGenerationChanges")
            .WithSummary("One generation's changes: when and by what kind of write it was published, a summary, and its changes, paged")
            .Produces<ChangeListResponse>().WithQueryParameters(Field, Bookkeeping, Limit, After, Order)
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status410Gone);
    }

    private static ChangeQuery Paging(QueryReader reader, ChangeQuery query)
    {
        var limit = reader.Int("limit") ?? ChangeQuery.DefaultLimit;
        if (limit is < 1 or > ChangeQuery.MaxLimit)
        {
            throw new HttpParameterException("limit", $"must be 1 to {ChangeQuery.MaxLimit}");
        }
        var after = reader.String("after") is { } text
            ? ChangePosition.Parse(text) ?? throw new HttpParameterException("after", "must be a position generation.sequence, as a page's next gives it")
            : null;
        return query with
        {
            Field = NotEmpty(reader, "field"),
            Bookkeeping = reader.Bool("bookkeeping") ?? false,
            Limit = limit,
            After = after,
            Order = reader.String("order")?.Trim().ToLowerInvariant() switch
            {
                null or "asc" => ChangeOrder.OldestFirst,
                "desc" => ChangeOrder.NewestFirst,
                var other => throw new HttpParameterException("order", $"'{QueryReader.Printable(other)}' is not asc or desc"),
            },
        };
    }

    // 410 when the query reaches back past what retention kept: answering short would look like "nothing changed".
    private static async Task<IResult> AnswerAsync(HttpContext http, IGrainFactory grains, ChangeQuery query, ChangeGenerationInfo? info)
    {
        ChangePage page;
        try
        {
            page = await grains.GetGrain<IChangeLogGrain>(0).QueryAsync(query);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return HttpError.Result(StatusCodes.Status410Gone, "pruned", FirstLine(ex.Message), "since_generation");
        }
        return Page(http, page, info);
    }

    private static IResult Page(HttpContext http, ChangePage page, ChangeGenerationInfo? info)
    {
        string? next = page.Next?.ToString();
        if (next is not null)
        {
            var request = http.Request;
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
            query["after"] = next;
            var link = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
            http.Response.Headers.Link = $"<{link}>; rel=\"next\"";
        }
        return Results.Json(new ChangeListResponse
        {
            Generation = info?.Generation ?? page.Generation,
            At = info?.At,
            Origin = info?.Origin,
            Summary = info is null ? null : ChangeSummary.Of(info),
            Items = [.. page.Items.Select(ChangeItem.Of)],
            Next = next,
        }, HttpJson.Options);
    }

    // ArgumentException appends "(Parameter ...)" and the actual value on lines of their own.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var parameter = line.IndexOf(" (Parameter", StringComparison.Ordinal);
        return parameter < 0 ? line : line[..parameter];
    }

    private static long? NotNegative(QueryReader reader, string name) =>
        reader.Long(name) is { } value && value < 0 ? throw new HttpParameterException(name, "must not be negative") : reader.Long(name);

    private static string? NotEmpty(QueryReader reader, string name) =>
        reader.String(name) is { } value && string.IsNullOrWhiteSpace(value)
            ? throw new HttpParameterException(name, "is empty; give a value or leave the parameter out")
            : reader.String(name);

    /// <summary>A provider or author ID, checked as <c>/models</c> checks it: one no entity can have is a 400, not an empty page.</summary>
    private static string? EntityId(QueryReader reader, string name, Func<string?, string, string> validate)
    {
        if (NotEmpty(reader, name) is not { } id)
        {
            return null;
        }
        try
        {
            return validate(id, name);
        }
        catch (StarmapValidationException invalid)
        {
            throw new HttpParameterException(name, invalid.Message);
        }
    }

    private static DateTimeOffset? Time(QueryReader reader, string name) =>
        reader.String(name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new HttpParameterException(name, "must be an ISO 8601 time such as 2026-06-01T00:00:00Z");
}
