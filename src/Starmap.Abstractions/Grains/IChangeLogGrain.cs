using Orleans.Concurrency;

namespace Starmap;

/// <summary>
/// The change log (<see cref="IChangeLogStore"/>) for callers without a store of their own (clients, the
/// module, other silos): a stateless worker, so each call is answered on the silo that receives it, from
/// the store that silo is configured with (SQLite embedded, Redis in a cluster). A silo without a store
/// answers as an empty log.
/// </summary>
[Alias("starmap.IChangeLogGrain")]
public interface IChangeLogGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Changes matching <paramref name="query"/>, one page in its <see cref="ChangeQuery.Order"/>. Throws
    /// <see cref="ArgumentException"/> naming the field for a bad query (a limit outside 1..1000, a range
    /// that ends before it starts) and <see cref="ArgumentOutOfRangeException"/> for a
    /// <see cref="ChangeQuery.SinceGeneration"/> older than the retention kept.
    /// </summary>
    [ReadOnly, Alias("QueryAsync")]
    Task<ChangePage> QueryAsync(ChangeQuery query);

    /// <summary>The generations the log holds.</summary>
    [ReadOnly, Alias("GetBoundsAsync")]
    Task<ChangeLogBounds> GetBoundsAsync();

    /// <summary>One recorded generation in brief (time, origin, counts, entities touched); null when the log does not hold it.</summary>
    [ReadOnly, Alias("GetGenerationAsync")]
    Task<ChangeGenerationInfo?> GetGenerationAsync(long generation);

    /// <summary>The newest generation published at or before <paramref name="at"/>, or null when none recorded is that old.</summary>
    [ReadOnly, Alias("GenerationAtAsync")]
    Task<long?> GenerationAtAsync(DateTimeOffset at);

    /// <summary>Every change of one provider or author after <paramref name="afterGeneration"/>, oldest first, bookkeeping included.</summary>
    [ReadOnly, Alias("ReadEntityAsync")]
    Task<EquatableArray<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration);
}
