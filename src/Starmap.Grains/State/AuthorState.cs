using Starmap.Grains.Entities;

namespace Starmap.Grains.State;

/// <summary>Stored state of an author grain; a deleted author keeps a tombstone like <see cref="ProviderState"/>.</summary>
[GenerateSerializer, Immutable, Alias("starmap.state.author")]
public sealed record AuthorState : IEntityState<AuthorState>
{
    /// <summary>The author record; null when it does not exist.</summary>
    [Id(0)] public Author? Author { get; init; }

    /// <summary>Definitions sorted by ID (ordinal).</summary>
    [Id(1)] public EquatableArray<ModelDefinition> Definitions { get; init; }

    /// <summary>Grows by one with every persisted change.</summary>
    [Id(2)] public long Version { get; init; }

    /// <summary>The public view, or null when the author does not exist.</summary>
    public AuthorDetails? ToDetails() =>
        Author is null ? null : new AuthorDetails { Author = Author, Definitions = Definitions, Version = Version };

    /// <inheritdoc/>
    AuthorState IEntityState<AuthorState>.WithVersion(long version) => this with { Version = version };
}
