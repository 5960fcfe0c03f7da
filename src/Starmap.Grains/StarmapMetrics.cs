using System.Diagnostics.Metrics;

namespace Starmap.Grains;

/// <summary>
/// Catalog and sync metrics (meter <c>Starmap</c>): the generation and counts this silo's replica
/// serves, and sync runs with their outcome and duration per provider.
/// </summary>
public sealed class StarmapMetrics
{
    /// <summary>Meter name to export.</summary>
    public const string MeterName = "Starmap";

    private readonly Counter<long> _syncRuns;
    private readonly Histogram<double> _syncDuration;

    /// <summary>Creates the instruments.</summary>
    public StarmapMetrics(IMeterFactory meters, CatalogReplica replica)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("starmap.catalog.generation", () => replica.Current.Generation, description: "Catalog generation this silo serves");
        meter.CreateObservableGauge("starmap.catalog.providers", () => replica.Current.Providers.Count, description: "Providers in the catalog");
        meter.CreateObservableGauge("starmap.catalog.models", () => replica.Current.Models.Count, description: "Offerings in the catalog");
        _syncRuns = meter.CreateCounter<long>("starmap.sync.runs", description: "Provider syncs by outcome");
        _syncDuration = meter.CreateHistogram<double>("starmap.sync.duration", unit: "s", description: "Provider sync duration");
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
