namespace Starmap;

/// <summary>
/// Where the change log lives (SQLite in the data folder on an embedded silo, Redis in a cluster). The
/// registry grain appends one <see cref="ChangeBatch"/> per publish before it makes the generation visible;
/// readers query it. Appending is idempotent per generation: a batch for a generation the log already
/// holds replaces it and every later one (they belonged to publishes that failed before they were seen).
/// </summary>
public interface IChangeLogStore
{
    /// <summary>Appends one generation's changes durably (all or nothing).</summary>
    Task AppendAsync(ChangeBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Changes matching <paramref name="query"/>, one page in its <see cref="ChangeQuery.Order"/> (oldest first by default).</summary>
    Task<ChangePage> QueryAsync(ChangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every change of one provider or author in generations after <paramref name="afterGeneration"/>,
    /// oldest first, bookkeeping included (to rebuild its state at that generation).
    /// </summary>
    Task<IReadOnlyList<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration, CancellationToken cancellationToken = default);

    /// <summary>Every change of generations after <paramref name="afterGeneration"/>, oldest first (to rebuild the whole catalog).</summary>
    Task<IReadOnlyList<CatalogChange>> ReadAfterAsync(long afterGeneration, CancellationToken cancellationToken = default);

    /// <summary>The newest generation published at or before <paramref name="at"/>, or null when none recorded is that old.</summary>
    Task<long?> GenerationAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>One recorded generation in brief (time, origin, counts by kind, entities touched); null when the log does not hold it.</summary>
    Task<ChangeGenerationInfo?> GetGenerationAsync(long generation, CancellationToken cancellationToken = default);

    /// <summary>The generations the log holds.</summary>
    Task<ChangeLogBounds> GetBoundsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the generations published before <paramref name="before"/> (whole generations, oldest
    /// first) and remembers the newest one deleted (<see cref="ChangeLogBounds.PrunedThrough"/>), so reads
    /// of them are refused rather than answered short; returns how many generations went.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
