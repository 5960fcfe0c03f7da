namespace Starmap.Grains.Sync;

/// <summary>Runs one provider sync end to end: fetch, reconcile, guard, diff, and apply unless a dry run.</summary>
public interface ISyncEngine
{
    /// <summary>Never throws for source or data problems: they come back as a rejected or failed result.</summary>
    Task<SyncResult> RunAsync(string providerId, SyncRequest request, CancellationToken cancellationToken);

    /// <summary>Throws what <see cref="RunAsync"/> would for a request it refuses outright (unknown provider or source).</summary>
    Task CheckAsync(string providerId, SyncRequest request);
}
