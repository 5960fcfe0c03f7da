namespace Starmap;

/// <summary>
/// The newest generation one <see cref="StarmapCatalog"/> has written or read. Reads ask the replicas
/// for at least this generation, so a caller always reads its own writes and never goes back in time,
/// whichever silo answers.
/// </summary>
internal sealed class CatalogSession(ICatalogReader? localReader = null)
{
    private long _seen;

    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>The silo-local reader when there is one (no grain call), else the stateless reader grain.</summary>
    public ICatalogReader Reader(IGrainFactory grains) => localReader ?? grains.GetGrain<ICatalogReaderGrain>(0);

    public void Saw(long generation)
    {
        var current = Interlocked.Read(ref _seen);
        while (generation > current)
        {
            var previous = Interlocked.CompareExchange(ref _seen, generation, current);
            if (previous == current)
            {
                return;
            }
            current = previous;
        }
    }

    public WriteResult Saw(WriteResult result)
    {
        Saw(result.Generation);
        return result;
    }

    public Listing<T> Saw<T>(Listing<T> listing)
    {
        Saw(listing.Generation);
        return listing;
    }

    public CatalogStatus Saw(CatalogStatus status)
    {
        Saw(status.Generation);
        return status;
    }

    public CatalogContent Saw(CatalogContent content)
    {
        Saw(content.Generation);
        return content;
    }

    public ImportResult Saw(ImportResult result)
    {
        Saw(result.Generation);
        return result;
    }

    public SyncResult Saw(SyncResult result)
    {
        Saw(result.Generation ?? 0);
        return result;
    }
}
