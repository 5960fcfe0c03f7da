using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Formats.Interop;

namespace Starmap.Http;

/// <summary>
/// OpenAI-compatible model lists, for OpenAI clients given a base URL: the merged base <c>/v1</c>
/// (IDs <c>provider/model</c>, unique across providers) and one base per provider,
/// <c>/api/v1/providers/{id}/openai/v1</c> (IDs as that provider spells them). Each has
/// <c>GET models</c> and <c>GET models/{model}</c>; model IDs may hold '/', sent plain or as %2F.
/// </summary>
internal static class OpenAIEndpoints
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder root)
    {
        var merged = root.MapGroup("/v1/models").RequireReadKey().WithTags("exports")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout);

        merged.MapGet("", async (HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var models = await catalog.Models.ListAsync();
                return CatalogResults.Text(http, models.Generation, () => OpenAIModelList.From(models.Items).ToJson());
            })
            .WithName("OpenAIModels").WithSummary("Every model of every provider as an OpenAI GET /v1/models list; IDs are provider/model")
            .Produces<OpenAIModelList>().WithCatalogETag();

        merged.MapGet("/{**model}", async (string model, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var id = Unescape(model);
                return OpenAIModelList.SplitMergedId(id) is var (provider, modelId)
                    ? await RetrieveAsync(http, catalog, provider, modelId, OpenAIModel.Merged, id)
                    : HttpError.NotFound($"model '{QueryReader.Printable(id)}' was not found: IDs of this list are provider/model");
            })
            .WithName("OpenAIModel").WithSummary("One model of the merged list by its provider/model ID (OpenAI GET /v1/models/{model})")
            .Produces<OpenAIModel>().WithCatalogETag().ProducesErrors(StatusCodes.Status404NotFound);

        var provider = root.MapGroup("/api/v1/providers/{id}/openai/v1/models").RequireReadKey().WithTags("exports")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout);

        provider.MapGet("", async (string id, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var models = await catalog.Models.ListAsync();
                var own = models.Items.Where(m => m.ProviderId == id).ToList();
                return own.Count > 0 || await ProviderExistsAsync(catalog, id)
                    ? CatalogResults.Text(http, models.Generation, () => OpenAIModelList.ForProvider(own).ToJson())
                    : ProviderNotFound(id);
            })
            .WithName("ProviderOpenAIModels").WithSummary("One provider's models as an OpenAI GET /v1/models list; IDs are the provider's own")
            .Produces<OpenAIModelList>().WithCatalogETag();

        provider.MapGet("/{**model}", async (string id, string model, HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var modelId = Unescape(model);
                var answer = await RetrieveAsync(http, catalog, id, modelId, OpenAIModel.OfProvider, modelId);
                return answer is NotFoundAnswer && !await ProviderExistsAsync(catalog, id) ? ProviderNotFound(id) : answer;
            })
            .WithName("ProviderOpenAIModel").WithSummary("One of the provider's models by the provider's model ID (OpenAI GET /v1/models/{model})")
            .Produces<OpenAIModel>().WithCatalogETag();
    }

    private static async Task<IResult> RetrieveAsync(HttpContext http, StarmapCatalog catalog, string provider, string modelId, Func<CatalogModel, OpenAIModel> entry, string shownId)
    {
        // The tag is read first: it may be older than the answer (a needless 200 later), never newer (a wrong 304).
        var generation = Math.Max(await CatalogReaders.Of(http.RequestServices).GetGenerationAsync(), catalog.SeenGeneration);
        catalog.RequireGeneration(generation);
        return await catalog.Models.FindAsync(provider, modelId) is { } found
            ? CatalogResults.Text(http, generation, () => entry(found).ToJson())
            : new NotFoundAnswer(HttpError.NotFound($"model '{QueryReader.Printable(shownId)}' was not found"));
    }

    /// <summary>A 404 the provider route may replace with a clearer one (the provider itself is missing).</summary>
    private sealed class NotFoundAnswer(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);
    }

    // OpenAI clients escape '/' in the model ID (%2F), which Kestrel leaves encoded in the path.
    private static string Unescape(string model) => model.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> ProviderExistsAsync(StarmapCatalog catalog, string id) =>
        (await catalog.Providers.ListAsync()).Items.Any(p => p.Id == id);

    private static IResult ProviderNotFound(string id) => HttpError.NotFound($"provider '{QueryReader.Printable(id)}' was not found");
}
