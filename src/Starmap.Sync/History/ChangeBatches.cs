namespace Starmap.Sync.History;

/// <summary>Stamps one publish's changes into the batch the change log appends.</summary>
public static class ChangeBatches
{
    /// <summary>The batch of generation <paramref name="generation"/>: every change stamped with it, the time and origin, numbered in order.</summary>
    public static ChangeBatch Of(long generation, DateTimeOffset at, string origin, IEnumerable<CatalogChange> changes) => new()
    {
        Generation = generation,
        At = at,
        Origin = origin,
        Changes = changes.Select((c, i) => c with { Generation = generation, At = at, Origin = origin, Sequence = i }).ToEquatableArray(),
    };
}
