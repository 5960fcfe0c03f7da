namespace Starmap;

/// <summary>The version of every provider and author at one generation.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-versions")]
public sealed record CatalogVersions
{
    /// <summary>The generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Provider versions, sorted by ID.</summary>
    [Id(1)] public EquatableArray<EntityStamp> Providers { get; init; }

    /// <summary>Author versions, sorted by ID.</summary>
    [Id(2)] public EquatableArray<EntityStamp> Authors { get; init; }
}

/// <summary>An entity ID with its version.</summary>
[GenerateSerializer, Immutable, Alias("starmap.entity-stamp")]
public sealed record EntityStamp
{
    /// <summary>Provider or author ID.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Its grain's version.</summary>
    [Id(1)] public long Version { get; init; }
}
