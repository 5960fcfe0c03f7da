using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Starmap.Formats.Interop;

namespace Starmap.Http;

/// <summary>
/// "Who serves this model, at what price": OpenRouter's <c>GET /api/v1/models/:author/:slug/endpoints</c>
/// over the catalog (<see cref="OpenRouterEndpoints"/>). The route wins over <c>GET /models/{provider}/{**modelId}</c>
/// by routing precedence; a slug holding '/' (an unlinked model's slug is its model ID) reaches the model
/// route, which hands a path ending in <c>/endpoints</c> here. A model whose own ID ends in
/// <c>/endpoints</c> is still read with the slash sent as <c>%2F</c>.
/// </summary>
internal static class ModelEndpointsRoute
{
    private const string Suffix = "/endpoints";
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/models/{author}/{slug}" + Suffix, (string author, string slug, HttpContext http, StarmapCatalog catalog) =>
                AnswerAsync(author + "/" + Unescape(slug), http, catalog))
            .WithName("ListModelEndpoints")
            .WithSummary("Every provider offering of one model (author/slug) with price, limits and status, as OpenRouter's GET /api/v1/models/{author}/{slug}/endpoints")
            .Produces<OpenRouterEndpoints>().WithCatalogETag()
            .ProducesErrors(StatusCodes.Status404NotFound);
    }

    /// <summary>True when a model route's ID is really <c>slug/endpoints</c>, with the slug before it.</summary>
    public static bool IsEndpointsPath(string modelId, out string slug)
    {
        // Only a plain '/': an ID sent with %2F before "endpoints" is a model ID, read as one.
        var endpoints = modelId.EndsWith(Suffix, StringComparison.Ordinal) && modelId.Length > Suffix.Length;
        slug = endpoints ? modelId[..^Suffix.Length] : "";
        return endpoints;
    }

    public static async Task<IResult> AnswerAsync(string id, HttpContext http, StarmapCatalog catalog)
    {
        _ = new QueryReader(http.Request.Query, None);
        // The tag is read first: it may be older than the answer (a needless 200 later), never newer (a wrong 304).
        var generation = Math.Max(await CatalogReaders.Of(http.RequestServices).GetGenerationAsync(), catalog.SeenGeneration);
        catalog.RequireGeneration(generation);
        if (await catalog.Models.FindEndpointsAsync(id) is not { } found)
        {
            return HttpError.NotFound($"model '{QueryReader.Printable(id)}' was not found: no model definition, list slug or model ID matches it");
        }
        var providers = await catalog.Providers.ListAsync();
        return CatalogResults.Text(http, generation, () => OpenRouterEndpoints.From(found, providers.Items).ToJson());
    }

    // Kestrel keeps an encoded slash (%2F) encoded in the path; accept it as well as a plain '/'.
    public static string Unescape(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
