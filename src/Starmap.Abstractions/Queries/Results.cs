namespace Starmap;

/// <summary>One page of a model query, with the catalog generation it was answered from.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-page")]
public sealed record ModelPage
{
    /// <summary>Catalog generation the answer reflects.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Matches before paging.</summary>
    [Id(1)] public int Total { get; init; }

    /// <summary>Matches skipped.</summary>
    [Id(2)] public int Offset { get; init; }

    /// <summary>Page size used.</summary>
    [Id(3)] public int Limit { get; init; }

    /// <summary>The page.</summary>
    [Id(4)] public EquatableArray<CatalogModel> Items { get; init; }
}

/// <summary>A whole list with the catalog generation it was read from.</summary>
[GenerateSerializer, Immutable, Alias("starmap.listing`1")]
public sealed record Listing<T>
{
    /// <summary>Catalog generation the list reflects.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Items sorted by ID.</summary>
    [Id(1)] public EquatableArray<T> Items { get; init; }
}

/// <summary>A provider with every offering it serves.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-details")]
public sealed record ProviderDetails
{
    /// <summary>The provider record.</summary>
    [Id(0)] public required Provider Provider { get; init; }

    /// <summary>Its offerings, sorted by model ID (ordinal).</summary>
    [Id(1)] public EquatableArray<Offering> Offerings { get; init; }

    /// <summary>The grain's write counter; grows by one per change.</summary>
    [Id(2)] public long Version { get; init; }
}

/// <summary>An author with the model definitions it owns.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author-details")]
public sealed record AuthorDetails
{
    /// <summary>The author record.</summary>
    [Id(0)] public required Author Author { get; init; }

    /// <summary>Definitions whose ID starts with <c>author/</c>, sorted by ID.</summary>
    [Id(1)] public EquatableArray<ModelDefinition> Definitions { get; init; }

    /// <summary>The grain's write counter; grows by one per change.</summary>
    [Id(2)] public long Version { get; init; }
}

/// <summary>What a write did.</summary>
[GenerateSerializer, Immutable, Alias("starmap.write-result")]
public sealed record WriteResult
{
    /// <summary>False when the write matched the stored state and nothing changed.</summary>
    [Id(0)] public bool Changed { get; init; }

    /// <summary>The entity's version after the write.</summary>
    [Id(1)] public long Version { get; init; }

    /// <summary>The catalog generation that includes the write: read at least this for read-your-writes.</summary>
    [Id(2)] public long Generation { get; init; }
}

/// <summary>Counts and generation of the published catalog.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-status")]
public sealed record CatalogStatus
{
    /// <summary>Current generation; grows with every published change.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Providers.</summary>
    [Id(1)] public int Providers { get; init; }

    /// <summary>Authors.</summary>
    [Id(2)] public int Authors { get; init; }

    /// <summary>Offerings across providers.</summary>
    [Id(3)] public int Offerings { get; init; }

    /// <summary>Model definitions across authors.</summary>
    [Id(4)] public int Definitions { get; init; }

    /// <summary>Which built-in catalog seeded the store, if any.</summary>
    [Id(5)] public string? SeedVersion { get; init; }

    /// <summary>When the store was seeded.</summary>
    [Id(6)] public DateTimeOffset? SeededAt { get; init; }
}
