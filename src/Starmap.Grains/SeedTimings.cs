using System.Diagnostics;

namespace Starmap.Grains;

/// <summary>
/// Where a first start's seeding spent its time, for the start-up log line: waiting for the built-in
/// catalog to be read (begun while the silo started), writing the authors, storing the providers, and the
/// one publish of them all.
/// </summary>
public sealed class SeedTimings
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;

    /// <summary>Asking the registry (its activation) and waiting for the read of the built-in catalog (gunzip, deserialize, validate).</summary>
    public TimeSpan Read { get; private set; }

    /// <summary>The authors' writes (each one publishes).</summary>
    public TimeSpan Authors { get; private set; }

    /// <summary>The providers stored, not yet published.</summary>
    public TimeSpan Providers { get; private set; }

    /// <summary>True when the providers were stored in one batched write, false when through each provider grain.</summary>
    public bool ProvidersInOneWrite { get; internal set; }

    /// <summary>The one publish of every provider and the seed mark.</summary>
    public TimeSpan Publish { get; private set; }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant(
        $"registry and read {Read.TotalMilliseconds:0} ms, authors {Authors.TotalMilliseconds:0} ms, providers stored {Providers.TotalMilliseconds:0} ms ({(ProvidersInOneWrite ? "one write" : "one write each")}), publish {Publish.TotalMilliseconds:0} ms");

    internal void ReadDone() => Read = Lap();

    internal void AuthorsDone() => Authors = Lap();

    internal void ProvidersDone() => Providers = Lap();

    internal void PublishDone() => Publish = Lap();

    private TimeSpan Lap()
    {
        var now = _watch.Elapsed;
        var lap = now - _last;
        _last = now;
        return lap;
    }
}
