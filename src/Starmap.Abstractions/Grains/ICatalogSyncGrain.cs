using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// Syncs every provider of the catalog (key: <see cref="CatalogKeys.Default"/>), each in its own
/// <see cref="IProviderSyncGrain"/>, a few at a time; with <see cref="SyncAllRequest.Discover"/> it first
/// creates the providers models.dev lists that the catalog lacks. Also imports a models.dev
/// <c>api.json</c> through the same per-provider syncs. One provider's failure is reported in its own
/// entry and never stops the others. Runs take turns; a caller polls a started run.
/// </summary>
[Alias("starmap.ICatalogSyncGrain")]
public interface ICatalogSyncGrain : IGrainWithStringKey
{
    /// <summary>Starts a sync of every provider and returns at once; bad sources (or discover without models.dev) throw here.</summary>
    [AlwaysInterleave, Alias("StartAsync")]
    Task<CatalogSyncRun> StartAsync(SyncAllRequest request);

    /// <summary>
    /// Starts an import of a models.dev <c>api.json</c> (<paramref name="document"/>): providers it lists that
    /// the catalog lacks are created (unless a dry run), and every provider it lists is synced from it
    /// alone, as the models.dev source would. A document that is not a models.dev file throws
    /// <see cref="StarmapValidationException"/> here, before anything runs.
    /// </summary>
    [AlwaysInterleave, Alias("StartModelsDevImportAsync")]
    Task<CatalogSyncRun> StartModelsDevImportAsync(string document, SyncAllRequest request);

    /// <summary>The run once it completes, or as it stands after <paramref name="wait"/>; null when this grain holds no such run.</summary>
    [AlwaysInterleave, Alias("WaitRunAsync")]
    Task<CatalogSyncRun?> WaitRunAsync(string runId, TimeSpan wait);

    /// <summary>
    /// Runs a discover sync of every provider every <paramref name="interval"/> (an Orleans reminder), or
    /// stops doing so when it is null. The silo sets it from <c>Starmap:Sync:DiscoverInterval</c>.
    /// </summary>
    [Alias("SetDiscoverScheduleAsync")]
    Task SetDiscoverScheduleAsync(TimeSpan? interval);
}
