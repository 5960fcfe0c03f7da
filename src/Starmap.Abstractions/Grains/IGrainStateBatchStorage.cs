using Orleans.Runtime;

namespace Starmap;

/// <summary>
/// Grain storage that can add many new records of one state in a single all-or-nothing write (one
/// transaction, one flush to disk) instead of one write per grain. The built-in catalog seeder stores its
/// providers this way; storage without it (Redis) gets one write per grain.
/// </summary>
public interface IGrainStateBatchStorage
{
    /// <summary>
    /// Adds each state as a new record of <paramref name="stateName"/> for its grain, as a first
    /// <c>WriteStateAsync</c> without an ETag would, all in one write. True when all were added; false, with
    /// nothing written, when any of the grains already has a record.
    /// </summary>
    Task<bool> TryAddAllAsync<T>(string stateName, IReadOnlyList<KeyValuePair<GrainId, T>> states, CancellationToken cancellationToken = default);
}
