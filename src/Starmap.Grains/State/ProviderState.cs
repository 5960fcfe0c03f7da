using Starmap.Grains.Entities;

namespace Starmap.Grains.State;

/// <summary>
/// Stored state of a provider grain. A deleted provider keeps a tombstone (null provider) so its
/// version keeps growing and the catalog never mistakes a re-created provider for an old one.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.state.provider")]
public sealed record ProviderState : IEntityState<ProviderState>
{
    /// <summary>The provider record; null when it does not exist (never created, or deleted).</summary>
    [Id(0)] public Provider? Provider { get; init; }

    /// <summary>Offerings sorted by model ID (ordinal).</summary>
    [Id(1)] public EquatableArray<Offering> Offerings { get; init; }

    /// <summary>Grows by one with every persisted change.</summary>
    [Id(2)] public long Version { get; init; }

    /// <summary>The public view, or null when the provider does not exist.</summary>
    public ProviderDetails? ToDetails() =>
        Provider is null ? null : new ProviderDetails { Provider = Provider, Offerings = Offerings, Version = Version };

    /// <inheritdoc/>
    ProviderState IEntityState<ProviderState>.WithVersion(long version) => this with { Version = version };
}
