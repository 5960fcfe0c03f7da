using Starmap.Catalog.Snapshot;

namespace Starmap.Sync.History;

/// <summary>
/// The catalog as it was at an earlier generation, rebuilt from a newer snapshot and the change log's
/// changes after that generation: each changed entity is taken back (<see cref="EntityChanges.Revert(ProviderDetails?, IEnumerable{CatalogChange})"/>)
/// and the snapshot is rebuilt by <see cref="CatalogSnapshot.WithChanges"/>, sharing every provider and
/// author the changes did not touch. No I/O: the caller reads the changes.
/// </summary>
public static class PastCatalog
{
    /// <summary>
    /// <paramref name="current"/> taken back to <paramref name="generation"/> by undoing
    /// <paramref name="newerChanges"/> (every change after that generation up to the current one, any order).
    /// </summary>
    /// <exception cref="StarmapException">A change is unrecorded: the state before it is not known.</exception>
    public static CatalogSnapshot Rebuild(CatalogSnapshot current, long generation, IReadOnlyCollection<CatalogChange> newerChanges)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(newerChanges);
        var providers = newerChanges.Where(c => c.Entity == ChangeEntity.Provider).GroupBy(c => c.EntityId, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, EntityChanges.Revert(current.FindProvider(g.Key), g)));
        var authors = newerChanges.Where(c => c.Entity == ChangeEntity.Author).GroupBy(c => c.EntityId, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, EntityChanges.Revert(current.FindAuthor(g.Key), g)));
        return current.WithChanges(generation, providers.ToList(), authors.ToList());
    }
}
