using System.Diagnostics.Metrics;
using Starmap.Grains.Catalog;
using Starmap.Grains.Sync;

namespace Starmap.Grains;

/// <summary>
/// Catalog and sync metrics (meter <c>Starmap</c>): the generation and counts this silo's replica
/// serves, what its replica pulled, and sync runs with their outcome and duration per provider.
/// </summary>
public sealed class StarmapMetrics
{
    /// <summary>Meter name to export.</summary>
    public const string MeterName = "Starmap";

    /// <summary>Upper bounds, in seconds, of the sync duration histogram's buckets.</summary>
    public static readonly IReadOnlyList<double> SyncDurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _syncRuns;
    private readonly Histogram<double> _syncDuration;

    /// <summary>Creates the instruments.</summary>
    public StarmapMetrics(IMeterFactory meters, CatalogReplica replica)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("starmap.catalog.generation", () => replica.Current.Generation, description: "Catalog generation this silo serves");
        meter.CreateObservableGauge("starmap.catalog.providers", () => replica.Current.ProviderCount, description: "Providers in the catalog");
        meter.CreateObservableGauge("starmap.catalog.models", () => replica.Current.ModelCount, description: "Offerings in the catalog");
        // What publishes cost this silo: deltas should outnumber exports, offerings received stay proportional to changes.
        meter.CreateObservableCounter("starmap.catalog.replica.exports", () => replica.Transfers.Exports, description: "Whole-catalog exports this silo's replica pulled");
        meter.CreateObservableCounter("starmap.catalog.replica.deltas", () => replica.Transfers.Deltas, description: "Deltas (changes since its generation) this silo's replica pulled");
        meter.CreateObservableCounter("starmap.catalog.replica.offerings", () => replica.Transfers.Offerings, description: "Offerings this silo's replica received, by export or delta");
        // How often a sync's idle-scheduled computing thread was starved by other work and raised (Sync/BackgroundCpu).
        meter.CreateObservableCounter("starmap.sync.cpu.raises", () => (long)BackgroundCpu.Shared.Raises, description: "Times a starved sync computing thread at idle scheduling was raised to nice +8 for a period");
        _syncRuns = meter.CreateCounter<long>("starmap.sync.runs", description: "Provider syncs by outcome");
        // Second-sized buckets (a sync takes 0.1 s to its 2-minute deadline); without advice the exporter uses
        // its millisecond defaults (5 to 10,000), which put every sync in the first few buckets.
        _syncDuration = meter.CreateHistogram("starmap.sync.duration", unit: "s", description: "Provider sync duration", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SyncDurationBuckets });
    }

    /// <summary>Records one finished sync.</summary>
    public void RecordSync(SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = new System.Diagnostics.TagList { { "provider", result.ProviderId }, { "status", result.Status.ToString().ToLowerInvariant() } };
        _syncRuns.Add(1, tags);
        _syncDuration.Record(result.Duration.TotalSeconds, tags);
    }
}
