using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// The catalog registry (key: <see cref="CatalogKeys.Default"/>): assembles what provider and author
/// grains publish into one immutable snapshot, numbers each publish with a growing generation, and
/// answers catalog-wide reads from it. It never calls provider or author grains, so publishing
/// (provider → catalog) cannot form a call cycle.
/// </summary>
[Alias("starmap.ICatalogRegistryGrain")]
public interface ICatalogRegistryGrain : IGrainWithStringKey
{
    /// <summary>Generation and counts.</summary>
    [ReadOnly, Alias("GetStatusAsync")]
    Task<CatalogStatus> GetStatusAsync();

    /// <summary>All providers, sorted by ID.</summary>
    [ReadOnly, Alias("ListProvidersAsync")]
    Task<Listing<Provider>> ListProvidersAsync();

    /// <summary>All authors, sorted by ID.</summary>
    [ReadOnly, Alias("ListAuthorsAsync")]
    Task<Listing<Author>> ListAuthorsAsync();

    /// <summary>All offerings joined with their definitions, sorted by provider then model ID.</summary>
    [ReadOnly, Alias("ListModelsAsync")]
    Task<Listing<CatalogModel>> ListModelsAsync();

    /// <summary>All model definitions, sorted by ID.</summary>
    [ReadOnly, Alias("ListDefinitionsAsync")]
    Task<Listing<ModelDefinition>> ListDefinitionsAsync();

    /// <summary>All inference endpoints, sorted by ID.</summary>
    [ReadOnly, Alias("ListEndpointsAsync")]
    Task<Listing<Endpoint>> ListEndpointsAsync();

    /// <summary>Filters, sorts and pages offerings across the catalog.</summary>
    [ReadOnly, Alias("QueryModelsAsync")]
    Task<ModelPage> QueryModelsAsync(ModelQuery query);

    /// <summary>One offering joined with its definition, or null.</summary>
    [ReadOnly, Alias("GetModelAsync")]
    Task<CatalogModel?> GetModelAsync(string providerId, string modelId);

    /// <summary>Offerings credited to an author, sorted by provider then model ID.</summary>
    [ReadOnly, Alias("ListAuthorModelsAsync")]
    Task<Listing<CatalogModel>> ListAuthorModelsAsync(string authorId);

    /// <summary>
    /// Called by a provider grain after it persisted version <paramref name="version"/> (null details:
    /// deleted). Idempotent: an older or equal version changes nothing. Returns the generation that
    /// includes it.
    /// </summary>
    [Alias("PublishProviderAsync")]
    Task<long> PublishProviderAsync(string providerId, long version, ProviderDetails? details);

    /// <summary>
    /// Publishes many stored provider states (from <see cref="IProviderGrain.StoreUnpublishedAsync"/>) as one
    /// generation, building the catalog once. Idempotent per provider like <see cref="PublishProviderAsync"/>.
    /// Returns the generation that includes them.
    /// </summary>
    [Alias("PublishProvidersAsync")]
    Task<long> PublishProvidersAsync(EquatableArray<ProviderDetails> providers);

    /// <summary>Called by an author grain after it persisted a change; like <see cref="PublishProviderAsync"/>.</summary>
    [Alias("PublishAuthorAsync")]
    Task<long> PublishAuthorAsync(string authorId, long version, AuthorDetails? details);

    /// <summary>Every provider and author state, at one generation.</summary>
    [ReadOnly, Alias("ExportAsync")]
    Task<CatalogContent> ExportAsync();

    /// <summary>Registers a silo's replica for publish notices; renew it within a minute.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(ICatalogObserver observer);

    /// <summary>Records that the built-in catalog seeded the store.</summary>
    [Alias("MarkSeededAsync")]
    Task MarkSeededAsync(string seedVersion);
}

/// <summary>Well-known grain keys.</summary>
public static class CatalogKeys
{
    /// <summary>Key of the one catalog registry.</summary>
    public const string Default = "default";
}
