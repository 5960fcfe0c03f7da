using Microsoft.Extensions.DependencyInjection;
using Starmap.Catalog.Snapshot;
using Starmap.Grains.Catalog;
using Starmap.Sync.History;

namespace Starmap.Grains.History;

/// <summary>
/// The catalog at an earlier generation, rebuilt on this silo from its replica's snapshot and the change
/// log: every change after that generation is undone entity by entity and the snapshot rebuilt sharing every
/// provider and author the changes did not touch (<see cref="PastCatalog.Rebuild"/>), so a read at a past time costs what changed since, not the catalog's size.
/// The few snapshots rebuilt last are kept (a past generation never changes).
/// </summary>
public sealed class CatalogHistory
{
    private const int CacheSize = 8;

    private readonly CatalogReplica _replica;
    private readonly IChangeLogStore? _store;
    private readonly LinkedList<CatalogSnapshot> _cache = new();
    private readonly Lock _gate = new();

    /// <summary>Creates the service over this silo's replica and change log store (if it has one).</summary>
    public CatalogHistory(CatalogReplica replica, IServiceProvider services)
    {
        _replica = replica;
        _store = services.GetService<IChangeLogStore>();
    }

    /// <summary>The change log store; a silo without one keeps no history.</summary>
    public IChangeLogStore Store => _store ?? throw new StarmapException("this silo keeps no change log, so the catalog's history cannot be read");

    /// <summary>
    /// The generation <paramref name="point"/> names, checked against what the log can rebuild: from one
    /// before its first generation to the newest. A time resolves to the newest generation published at or
    /// before it; a time before the log's first generation is refused (what the catalog held then is not known).
    /// </summary>
    /// <exception cref="StarmapHistoryRangeException">The point is outside what can be read.</exception>
    public async Task<long> ResolveAsync(CatalogPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Generation is null == point.At is null)
        {
            throw new StarmapValidationException("point", null, "needs a generation or a time, not both");
        }
        var (oldest, newest, bounds) = await RangeAsync();
        if (point.Generation is { } generation)
        {
            if (generation < 0)
            {
                throw new StarmapValidationException("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be negative");
            }
            if (generation > newest || generation < oldest)
            {
                throw new StarmapHistoryRangeException(point.ToString(), oldest, newest, tooNew: generation > newest);
            }
            return generation;
        }
        var at = point.At!.Value;
        if (await Store.GenerationAtAsync(at) is not { } found)
        {
            var why = bounds.FirstAt is { } first
                ? FormattableString.Invariant($"the change log starts at generation {bounds.FirstGeneration}, published {first:O}, and what the catalog held before is not known")
                : "the change log is empty: the catalog's past is not known";
            throw new StarmapHistoryRangeException(point.ToString(), oldest, newest, tooNew: false, why);
        }
        return Math.Min(found, newest);
    }

    /// <summary>The catalog as it was at <paramref name="point"/>.</summary>
    public async Task<CatalogSnapshot> AtAsync(CatalogPoint point) => await AtResolvedAsync(await ResolveAsync(point));

    /// <summary>The catalog as it was at <paramref name="generation"/>.</summary>
    public Task<CatalogSnapshot> AtAsync(long generation) => AtAsync(CatalogPoint.OfGeneration(generation));

    private async Task<CatalogSnapshot> AtResolvedAsync(long generation)
    {
        var current = await _replica.EnsureAsync(generation);
        if (current.Generation == generation)
        {
            return current;
        }
        lock (_gate)
        {
            if (_cache.FirstOrDefault(s => s.Generation == generation) is { } cached)
            {
                _cache.Remove(cached);
                _cache.AddFirst(cached);
                return cached;
            }
        }
        // Changes past the replica's generation (a publish it has not pulled yet) are not in its snapshot.
        var changes = (await Store.ReadAfterAsync(generation)).Where(c => c.Generation <= current.Generation).ToList();
        RefuseUnrecorded(changes, generation, current.Generation);
        var snapshot = PastCatalog.Rebuild(current, generation, changes);
        lock (_gate)
        {
            _cache.AddFirst(snapshot);
            while (_cache.Count > CacheSize)
            {
                _cache.RemoveLast();
            }
        }
        return snapshot;
    }

    /// <summary>The newest generation, and the oldest the log can rebuild (the newest when the log is empty).</summary>
    public async Task<(long Oldest, long Newest, ChangeLogBounds Bounds)> RangeAsync()
    {
        var bounds = await Store.GetBoundsAsync();
        var current = await _replica.EnsureAsync(0);
        var newest = current.Generation;
        if (bounds.LastGeneration is { } last && last > newest)
        {
            try
            {
                // The log is written just before a generation is stored: the registry is ahead of this replica.
                newest = (await _replica.EnsureAsync(last)).Generation;
            }
            catch (StarmapException)
            {
                // A logged generation whose publish failed: it was never visible.
            }
        }
        return (Math.Min(bounds.OldestReadable ?? newest, newest), newest, bounds);
    }

    private static void RefuseUnrecorded(List<CatalogChange> changes, long generation, long newest)
    {
        if (changes.Where(c => c.Kind == ChangeKind.Unrecorded).Select(c => (long?)c.Generation).Max() is { } unrecorded)
        {
            throw new StarmapHistoryRangeException(CatalogPoint.OfGeneration(generation).ToString(), unrecorded, newest, tooNew: false,
                FormattableString.Invariant($"generation {unrecorded} changed the catalog without a record of what changed (a publish lost to a crash was recovered)"));
        }
    }
}
