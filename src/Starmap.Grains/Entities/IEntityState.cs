namespace Starmap.Grains.Entities;

/// <summary>What the shared write path needs of a provider's or an author's stored state.</summary>
internal interface IEntityState<TState>
    where TState : class
{
    /// <summary>Grows by one with every persisted change.</summary>
    long Version { get; }

    /// <summary>The same state at <paramref name="version"/>.</summary>
    TState WithVersion(long version);
}
