namespace Starmap;

/// <summary>
/// <see cref="ICatalogReader"/> as a grain, for callers outside a silo's process (clients, other silos):
/// a stateless worker, so calls run on the silo that receives them, answered by that silo's replica.
/// </summary>
[Alias("starmap.ICatalogReaderGrain")]
public interface ICatalogReaderGrain : ICatalogReader, IGrainWithIntegerKey
{
}

/// <summary>Told by the catalog registry when a new generation is published.</summary>
[Alias("starmap.ICatalogObserver")]
public interface ICatalogObserver : IGrainObserver
{
    /// <summary>A generation was published, changing the entities the notice names.</summary>
    [Orleans.Concurrency.OneWay, Alias("OnChangedAsync")]
    Task OnChangedAsync(CatalogNotice notice);
}
