using Starmap.Sources.Keys;

namespace Starmap.Sources;

/// <summary>What every source said about one provider: a report per source and the observations that succeeded.</summary>
public sealed record SourceFetchResult
{
    /// <summary>The provider.</summary>
    public required string ProviderId { get; init; }

    /// <summary>One report per source asked for, in source order.</summary>
    public EquatableArray<SourceReport> Reports { get; init; }

    /// <summary>Observations of the sources that succeeded.</summary>
    public EquatableArray<SourceObservation> Observations { get; init; }

    /// <summary>Sources' warnings about how they were read (each names its source), for the sync result.</summary>
    public EquatableArray<string> Warnings { get; init; }

    /// <summary>The provider's key: required, present (never its value).</summary>
    public required KeyStatus Key { get; init; }

    /// <summary>The report of <paramref name="sourceId"/>, or null when it was not asked for.</summary>
    public SourceReport? Report(string sourceId) => Reports.FirstOrDefault(r => r.Source == sourceId);

    /// <summary>The observation of <paramref name="sourceId"/>, or null when it did not succeed.</summary>
    public SourceObservation? Observation(string sourceId) => Observations.FirstOrDefault(o => o.Source == sourceId);
}
