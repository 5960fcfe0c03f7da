namespace Starmap.Sources.Providers;

/// <summary>Reads one family of list-models API into the context's observation.</summary>
internal interface IProviderApiClient
{
    /// <summary>The API family it reads.</summary>
    CatalogEndpointType Type { get; }

    /// <summary>Fetches every page and adds each model to <paramref name="context"/>.</summary>
    Task ListAsync(ProviderContext context, CancellationToken cancellationToken);
}
