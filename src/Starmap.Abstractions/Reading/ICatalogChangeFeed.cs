using System.Threading.Channels;

namespace Starmap;

/// <summary>
/// The generations this silo's replica of the catalog reaches, each once and in order, with what changed:
/// what the update stream (and any other listener) is fed by, instead of polling.
/// </summary>
public interface ICatalogChangeFeed
{
    /// <summary>The generation the replica holds now; 0 before its first load.</summary>
    long Generation { get; }

    /// <summary>
    /// Changes from now on, in a queue of <paramref name="capacity"/>; a listener whose queue is full is
    /// dropped (its reader completes with <see cref="ChannelClosedException"/>) rather than buffered without
    /// bound. Dispose to stop listening.
    /// </summary>
    CatalogChangeSubscription Subscribe(int capacity);
}

/// <summary>
/// One step of the replica: the <see cref="Generation"/> reached and the providers and authors changed
/// since the step before (<see cref="Previous"/>), added, changed or removed. Null lists mean "not known"
/// (the replica's first load).
/// </summary>
public sealed record CatalogStep(long Generation, long Previous, IReadOnlyList<string>? Providers, IReadOnlyList<string>? Authors);

/// <summary>One listener's queue of <see cref="CatalogStep"/>s.</summary>
public sealed class CatalogChangeSubscription(ChannelReader<CatalogStep> reader, Action unsubscribe) : IDisposable
{
    /// <summary>Changes, oldest first.</summary>
    public ChannelReader<CatalogStep> Reader { get; } = reader;

    /// <inheritdoc/>
    public void Dispose() => unsubscribe();
}
