namespace Starmap.Sources;

/// <summary>A source that observes one provider's models (the provider API, models.dev).</summary>
public interface IObservationSource
{
    /// <summary>Source ID, one of <see cref="SourceIds"/>.</summary>
    string SourceId { get; }

    /// <summary>
    /// Reads the source for <paramref name="provider"/>. Returns the observation, or a skip with its
    /// reason (missing key, nothing configured); throws <see cref="SourceException"/> when it fails.
    /// </summary>
    Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default);
}

/// <summary>What a source produced: an observation, or the reason it did not run.</summary>
public sealed record SourceOutcome
{
    /// <summary>The observation when the source ran.</summary>
    public SourceObservation? Observation { get; init; }

    /// <summary>Why it was skipped, when it was.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Where it would have read from (never with a key).</summary>
    public string? Location { get; init; }

    /// <summary>
    /// Things the sync result must show about how the source was read (a stale fallback, for example), beside
    /// the observation's own per-model warnings.
    /// </summary>
    public EquatableArray<string> Warnings { get; init; }

    /// <summary>An outcome carrying <paramref name="observation"/>.</summary>
    public static SourceOutcome Observed(SourceObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new() { Observation = observation, Location = observation.Location };
    }

    /// <summary>A skip with its reason.</summary>
    public static SourceOutcome Skipped(string reason, string? location = null) => new() { SkipReason = reason, Location = location };
}
