using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// The catalog registry (key: <see cref="CatalogKeys.Default"/>): assembles what provider and author
/// grains publish into one immutable snapshot, numbers each publish with a growing generation, announces
/// what each generation changed to every silo's replica, and answers the replicas' catch-up (the changes
/// since a generation, or the whole catalog). Catalog-wide reads are <see cref="ICatalogReader"/>'s, never
/// this one activation's. It never calls provider or author grains, so publishing (provider → registry)
/// cannot form a call cycle.
/// </summary>
[Alias("starmap.ICatalogRegistryGrain")]
public interface ICatalogRegistryGrain : IGrainWithStringKey
{
    /// <summary>Generation and counts.</summary>
    [ReadOnly, Alias("GetStatusAsync")]
    Task<CatalogStatus> GetStatusAsync();

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

    /// <summary>
    /// The state of every provider and author changed after <paramref name="generation"/>, up to the
    /// newest generation; null when the registry's journal of recent generations no longer reaches back
    /// that far (it restarted, or too much happened since): then only <see cref="ExportAsync"/> will do.
    /// </summary>
    [ReadOnly, Alias("GetChangesAsync")]
    Task<CatalogDelta?> GetChangesAsync(long generation);

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
