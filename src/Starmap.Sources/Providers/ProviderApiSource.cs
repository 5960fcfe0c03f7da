using Microsoft.Extensions.Options;
using Starmap.Sources.Http;
using Starmap.Sources.Keys;
using Starmap.Sources.Providers;

namespace Starmap.Sources.Providers;

/// <summary>
/// The provider's own list-models API, read by the client for its <see cref="CatalogEndpointType"/>.
/// Resolves the key at call time; a provider that needs a key and has none is skipped with the reason.
/// </summary>
public sealed class ProviderApiSource : IObservationSource
{
    private readonly Dictionary<CatalogEndpointType, IProviderApiClient> _clients;
    private readonly ApiKeyResolver _keys;
    private readonly SourceOptions _options;
    private readonly TimeProvider _time;

    internal ProviderApiSource(IEnumerable<IProviderApiClient> clients, ApiKeyResolver keys, IOptions<SourceOptions> options, TimeProvider time)
    {
        _clients = clients.ToDictionary(c => c.Type);
        _keys = keys;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc/>
    public string SourceId => SourceIds.ProviderApi;

    /// <summary>Endpoint types this source can read.</summary>
    public IReadOnlyCollection<CatalogEndpointType> SupportedTypes => _clients.Keys;

    /// <inheritdoc/>
    public async Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (provider.Catalog?.Endpoint is not { } endpoint)
        {
            return SourceOutcome.Skipped("no catalog endpoint is configured");
        }
        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new SourceException(provider.Id, null, $"catalog endpoint URL is not an absolute http(s) URL: {endpoint.Url}");
        }
        var location = Http.SourceHttp.Display(url);
        if (!_clients.TryGetValue(endpoint.Type, out var client))
        {
            return SourceOutcome.Skipped($"catalog endpoint type {endpoint.Type} is not supported", location);
        }
        var key = _keys.Resolve(provider, out var status);
        if (status.Blocks)
        {
            return SourceOutcome.Skipped(status.Problem ?? "the API key is missing", location);
        }
        var call = new SourceCall(provider.Id, key, provider.Auth?.StaticHeaders ?? default, _options.MaxProviderResponseBytes);
        var context = new ProviderContext(provider, endpoint, call, _time.GetUtcNow(), _options);
        if (key is null && status.Problem is not null && status.EnvVar is not null)
        {
            // An optional key that fails its pattern is not sent; the public list is read without it.
            context.Warnings.Add(status.Problem + "; listed without a key");
        }
        await client.ListAsync(context, cancellationToken).ConfigureAwait(false);
        return SourceOutcome.Observed(context.Observation());
    }
}
