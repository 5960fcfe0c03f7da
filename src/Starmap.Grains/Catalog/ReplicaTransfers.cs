namespace Starmap.Grains.Catalog;

/// <summary>
/// What one replica has pulled from the registry since it started: whole exports, deltas, and the
/// provider and author states and offerings they carried (what a publish costs each silo).
/// </summary>
public sealed record ReplicaTransfers
{
    /// <summary>Whole-catalog exports taken (the first load, or a journal that no longer reached back).</summary>
    public long Exports { get; init; }

    /// <summary>Deltas applied (changes since the replica's generation).</summary>
    public long Deltas { get; init; }

    /// <summary>Provider states received, by export or delta.</summary>
    public long Providers { get; init; }

    /// <summary>Author states received, by export or delta.</summary>
    public long Authors { get; init; }

    /// <summary>Offerings received within those provider states.</summary>
    public long Offerings { get; init; }
}
