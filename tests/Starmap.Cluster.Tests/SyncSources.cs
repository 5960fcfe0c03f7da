namespace Starmap.Cluster.Tests;

/// <summary>Providers whose model list is an OpenAI-style <c>/v1/models</c> on a loopback replay server.</summary>
public static class SyncSources
{
    public static string ListPath(string providerId) => $"/{providerId}/v1/models";

    public static Provider Provider(ReplayServer server, string providerId) => Catalogs.Provider(providerId) with
    {
        Auth = new ProviderAuth { KeyRequired = false },
        Catalog = new ProviderCatalogConfig
        {
            Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.OpenAI, Url = server.Url(ListPath(providerId)) },
        },
    };

    public static string OpenAiList(IEnumerable<string> ids) => ProviderPayloads.OpenAiList(ids);

    /// <summary>Only the provider's own API, so no test waits on models.dev.</summary>
    public static SyncRequest ProviderApiOnly(bool force = false) => new() { Force = force, Sources = [SourceIds.ProviderApi] };
}
