namespace Starmap.Grains.State;

/// <summary>Stored state of a provider's sync grain: its schedule and the last outcome.</summary>
[GenerateSerializer, Immutable, Alias("starmap.state.provider-sync")]
public sealed record ProviderSyncState
{
    /// <summary>Interval of the reminder; null when never scheduled.</summary>
    [Id(0)] public TimeSpan? Interval { get; init; }

    /// <summary>True while the reminder is registered.</summary>
    [Id(1)] public bool Enabled { get; init; }

    /// <summary>The last sync.</summary>
    [Id(2)] public SyncOutcome? LastOutcome { get; init; }

    /// <summary>
    /// The last real syncs' outcomes, newest first, at most 50
    /// (LastOutcome is the first). Empty in state written before it existed.
    /// </summary>
    [Id(64)] public EquatableArray<SyncOutcome> History { get; init; }
}
