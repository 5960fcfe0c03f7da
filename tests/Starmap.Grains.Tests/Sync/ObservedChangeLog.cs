using System.Collections.Concurrent;
using Starmap.Grains.Sync;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// The silo's real change log, with a note of where each append ran: on the sync's threads
/// (<see cref="BackgroundCpu"/>) or on its caller's.
/// </summary>
public sealed class ObservedChangeLog(IChangeLogStore inner) : IChangeLogStore
{
    private readonly ConcurrentDictionary<long, (string Origin, bool OnSyncThreads)> _appends = new();

    /// <summary>The origin of generation <paramref name="generation"/>'s append and whether it ran on the sync's threads.</summary>
    public (string Origin, bool OnSyncThreads)? AppendOf(long generation) =>
        _appends.TryGetValue(generation, out var append) ? append : null;

    public Task AppendAsync(ChangeBatch batch, CancellationToken cancellationToken = default)
    {
        _appends[batch.Generation] = (batch.Origin, TaskScheduler.Current == BackgroundCpu.Shared);
        return inner.AppendAsync(batch, cancellationToken);
    }

    public Task<ChangePage> QueryAsync(ChangeQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration, CancellationToken cancellationToken = default) =>
        inner.ReadEntityAsync(entity, entityId, afterGeneration, cancellationToken);

    public Task<IReadOnlyList<CatalogChange>> ReadAfterAsync(long afterGeneration, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterGeneration, cancellationToken);

    public Task<long?> GenerationAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default) => inner.GenerationAtAsync(at, cancellationToken);

    public Task<ChangeGenerationInfo?> GetGenerationAsync(long generation, CancellationToken cancellationToken = default) =>
        inner.GetGenerationAsync(generation, cancellationToken);

    public Task<ChangeLogBounds> GetBoundsAsync(CancellationToken cancellationToken = default) => inner.GetBoundsAsync(cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.PruneAsync(before, cancellationToken);
}
