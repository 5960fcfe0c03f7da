using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>Read routes over providers, authors, models and endpoints.</summary>
internal static class CatalogEndpoints
{
    private static readonly IReadOnlySet<string> GenerationOnly = new HashSet<string>(StringComparer.Ordinal) { "min_generation" };
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> HistoryParameters = new HashSet<string>(StringComparer.Ordinal) { "generation", "at" };
    private static readonly IReadOnlySet<string> ListParameters = new HashSet<string>(StringComparer.Ordinal) { "generation", "at", ModelFields.Parameter };
    private static readonly IReadOnlySet<string> GenerationOrPoint = new HashSet<string>(StringComparer.Ordinal) { "min_generation", "generation", "at" };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/models", (HttpContext http, StarmapCatalog catalog) => QueryAsync(http, catalog, ModelQueryParser.Parse(http.Request.Query, ListParameters), ModelFields.Read(http.Request.Query)))
            .WithName("ListModels").WithSummary("Filters, sorts and pages models (every ModelQuery filter as a query parameter); fields=summary answers only what a table shows")
            .Produces<ModelPage>().WithQueryParameters([.. ModelQueryDocumentation.Parameters(), HistoryEndpoints.Generation, HistoryEndpoints.At, ModelFields.Documentation]).WithCatalogETag().CachedByGeneration()
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        api.MapGet("/models/{provider}/{**modelId}", GetModelAsync)
            .WithName("GetModel").WithSummary("One model; the model ID may contain '/' and '@'")
            .Produces<CatalogModel>().WithQueryParameters(QueryParameters.MinGeneration, HistoryEndpoints.Generation, HistoryEndpoints.At).WithCatalogETag().CachedByGeneration()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        api.MapGet("/providers", async (HttpContext http, StarmapCatalog catalog) =>
            {
                var list = await Session(http, GenerationOnly, catalog).Providers.ListAsync();
                return CatalogResults.Json(http, list.Generation, list);
            })
            .WithName("ListProviders").WithSummary("Every provider").Produces<Listing<Provider>>()
            .WithQueryParameters(QueryParameters.MinGeneration).WithCatalogETag().CachedByGeneration().ProducesErrors(StatusCodes.Status409Conflict);

        api.MapGet("/providers/{id}", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                Require(http, None, catalog);
                return await catalog.Providers.FindAsync(id) is { } details
                    ? Results.Json(details, HttpJson.Options)
                    : HttpError.NotFound($"provider '{QueryReader.Printable(id)}' was not found");
            })
            .WithName("GetProvider").WithSummary("A provider with its offerings (from its grain: always the newest)")
            .Produces<ProviderDetails>().Produces<HttpError>(StatusCodes.Status404NotFound);

        api.MapGet("/providers/{id}/models", (string id, HttpContext http, StarmapCatalog catalog) =>
                ScopedQueryAsync(http, catalog, "provider", id))
            .WithName("ListProviderModels").WithSummary("Models of one provider; takes the /models filters")
            .Produces<ModelPage>().WithQueryParameters([.. ModelQueryDocumentation.Parameters(fixedByRoute: "provider"), HistoryEndpoints.Generation, HistoryEndpoints.At, ModelFields.Documentation])
            .WithCatalogETag().CachedByGeneration()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        api.MapGet("/authors", async (HttpContext http, StarmapCatalog catalog) =>
            {
                var list = await Session(http, GenerationOnly, catalog).Authors.ListAsync();
                return CatalogResults.Json(http, list.Generation, list);
            })
            .WithName("ListAuthors").WithSummary("Every author").Produces<Listing<Author>>()
            .WithQueryParameters(QueryParameters.MinGeneration).WithCatalogETag().CachedByGeneration().ProducesErrors(StatusCodes.Status409Conflict);

        api.MapGet("/authors/{id}", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                Require(http, None, catalog);
                return await catalog.Authors.FindAsync(id) is { } details
                    ? Results.Json(details, HttpJson.Options)
                    : HttpError.NotFound($"author '{QueryReader.Printable(id)}' was not found");
            })
            .WithName("GetAuthor").WithSummary("An author with its model definitions")
            .Produces<AuthorDetails>().Produces<HttpError>(StatusCodes.Status404NotFound);

        api.MapGet("/authors/{id}/models", (string id, HttpContext http, StarmapCatalog catalog) =>
                ScopedQueryAsync(http, catalog, "author", id))
            .WithName("ListAuthorModels").WithSummary("Models credited to one author; takes the /models filters")
            .Produces<ModelPage>().WithQueryParameters([.. ModelQueryDocumentation.Parameters(fixedByRoute: "author"), HistoryEndpoints.Generation, HistoryEndpoints.At, ModelFields.Documentation])
            .WithCatalogETag().CachedByGeneration()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        api.MapGet("/endpoints", async (HttpContext http, StarmapCatalog catalog) =>
            {
                var list = await Session(http, GenerationOnly, catalog).Endpoints.ListAsync();
                return CatalogResults.Json(http, list.Generation, list);
            })
            .WithName("ListEndpoints").WithSummary("Every inference endpoint").Produces<Listing<Endpoint>>()
            .WithQueryParameters(QueryParameters.MinGeneration).WithCatalogETag().CachedByGeneration().ProducesErrors(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> QueryAsync(HttpContext http, StarmapCatalog catalog, ModelQuery query, bool summary = false) =>
        Answer(http, await PageAsync(http, catalog, query), summary);

    private static async Task<ModelPage> PageAsync(HttpContext http, StarmapCatalog catalog, ModelQuery query) =>
        // generation= or at=: the catalog as it was then, from the change log (the parser already checked every key).
        HistoryEndpoints.Point(new QueryReader(http.Request.Query, HistoryParameters, _ => true)) is { } point
            ? await catalog.History.QueryModelsAsync(query, point)
            : await catalog.Models.QueryAsync(query);

    private static IResult Answer(HttpContext http, ModelPage page, bool summary) =>
        summary ? CatalogResults.Json(http, page.Generation, ModelSummaryPage.From(page)) : CatalogResults.Json(http, page.Generation, page);

    /// <summary>
    /// <c>/providers/{id}/models</c> and <c>/authors/{id}/models</c>: the <c>/models</c> query with the route's
    /// ID as its provider (or author). The same parameter naming another ID contradicts the path: a 400, not
    /// an answer that silently ignores it.
    /// </summary>
    private static async Task<IResult> ScopedQueryAsync(HttpContext http, StarmapCatalog catalog, string kind, string id)
    {
        var asked = ModelQueryParser.Parse(http.Request.Query, ListParameters);
        var summary = ModelFields.Read(http.Request.Query);
        if ((kind == "provider" ? asked.Providers : asked.Authors).FirstOrDefault(other => other != id) is { } other)
        {
            throw new HttpParameterException(kind,
                $"'{QueryReader.Printable(other)}' contradicts the {kind} in the path ('{QueryReader.Printable(id)}'); /api/v1/models?{kind}=... lists several");
        }
        var query = kind == "provider" ? asked with { Providers = [id] } : asked with { Authors = [id] };
        ModelQueryParser.Validate(query);
        var page = await PageAsync(http, catalog, query);
        // An empty page is the only one that can be of an unknown ID: only then is the ID looked up.
        return page.Total == 0 && await ExistsAsync(catalog, kind, id) is { } missing ? missing : Answer(http, page, summary);
    }

    private static async Task<IResult> GetModelAsync(string provider, string modelId, HttpContext http, StarmapCatalog catalog)
    {
        if (ModelEndpointsRoute.IsEndpointsPath(modelId, out var slug))
        {
            return await ModelEndpointsRoute.AnswerAsync(provider + "/" + ModelEndpointsRoute.Unescape(slug), http, catalog);
        }
        if (HistoryEndpoints.Point(new QueryReader(http.Request.Query, GenerationOrPoint)) is { } point)
        {
            return await GetPastModelAsync(provider, modelId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), point, http, catalog);
        }
        var session = Session(http, GenerationOnly, catalog);
        // The tag is read first: it may be older than the answer (a needless 200 later), never newer (a wrong 304).
        var generation = Math.Max(await CatalogReaders.Of(http.RequestServices).GetGenerationAsync(), session.SeenGeneration);
        session.RequireGeneration(generation);
        // Kestrel keeps an encoded slash (%2F) encoded in the path; accept it as well as a plain '/'.
        var id = modelId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var model = await session.Models.FindAsync(provider, id);
        return model is null
            ? HttpError.NotFound($"model '{QueryReader.Printable(provider + "/" + id)}' was not found")
            : CatalogResults.Json(http, generation, model);
    }

    /// <summary>The model as it was at <paramref name="point"/>; 404 when it did not exist then.</summary>
    private static async Task<IResult> GetPastModelAsync(string provider, string id, CatalogPoint point, HttpContext http, StarmapCatalog catalog)
    {
        var generation = await catalog.History.ResolveAsync(point);
        var model = await catalog.History.FindModelAsync(provider, id, CatalogPoint.OfGeneration(generation));
        return model is null
            ? HttpError.NotFound(FormattableString.Invariant($"model '{QueryReader.Printable(provider + "/" + id)}' did not exist at generation {generation}"))
            : CatalogResults.Json(http, generation, model);
    }

    /// <summary>Rejects unknown parameters (and every parameter where none is taken).</summary>
    private static void Require(HttpContext http, IReadOnlySet<string> allowed, StarmapCatalog catalog)
    {
        _ = Session(http, allowed, catalog);
    }

    /// <summary>
    /// The shared facade (reads never go back in time on this silo), or, with <c>min_generation</c>, a
    /// per-request one: a client's generation must never raise what every other client waits for.
    /// </summary>
    private static StarmapCatalog Session(HttpContext http, IReadOnlySet<string> allowed, StarmapCatalog catalog)
    {
        var reader = new QueryReader(http.Request.Query, allowed);
        if (!allowed.Contains("min_generation") || reader.Long("min_generation") is not { } generation)
        {
            return catalog;
        }
        if (generation < 0)
        {
            throw new HttpParameterException("min_generation", "must not be negative");
        }
        var session = CatalogReaders.NewCatalog(http.RequestServices);
        session.RequireGeneration(Math.Max(generation, catalog.SeenGeneration));
        return session;
    }

    private static async Task<IResult?> ExistsAsync(StarmapCatalog catalog, string kind, string id)
    {
        var exists = kind == "provider"
            ? (await catalog.Providers.ListAsync()).Items.Any(p => p.Id == id)
            : (await catalog.Authors.ListAsync()).Items.Any(a => a.Id == id);
        return exists ? null : HttpError.NotFound($"{kind} '{QueryReader.Printable(id)}' was not found");
    }
}
