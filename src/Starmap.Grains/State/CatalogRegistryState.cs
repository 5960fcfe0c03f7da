namespace Starmap.Grains.State;

/// <summary>
/// Stored state of the catalog registry: the generation counter and which version of each entity it
/// has published. Small on purpose — entity contents stay in their own grains' state.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.state.catalog")]
public sealed record CatalogRegistryState
{
    /// <summary>Current generation; never decreases.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Published provider versions (deleted providers included), sorted by ID.</summary>
    [Id(1)] public EquatableArray<EntityVersion> Providers { get; init; }

    /// <summary>Published author versions (deleted authors included), sorted by ID.</summary>
    [Id(2)] public EquatableArray<EntityVersion> Authors { get; init; }

    /// <summary>Which built-in catalog seeded the store.</summary>
    [Id(3)] public string? SeedVersion { get; init; }

    /// <summary>When the store was seeded.</summary>
    [Id(4)] public DateTimeOffset? SeededAt { get; init; }
}

/// <summary>An entity ID with the version last published.</summary>
[GenerateSerializer, Immutable, Alias("starmap.state.entity-version")]
public sealed record EntityVersion
{
    /// <summary>Provider or author ID.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Version last published.</summary>
    [Id(1)] public long Version { get; init; }
}
