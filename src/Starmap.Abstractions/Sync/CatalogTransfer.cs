namespace Starmap;

/// <summary>Whole provider and author states, as exported from or imported into the catalog.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-content")]
public sealed record CatalogContent
{
    /// <summary>Generation the content was read at (0 for content from files).</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Providers with their offerings, sorted by ID.</summary>
    [Id(1)] public EquatableArray<ProviderDetails> Providers { get; init; }

    /// <summary>Authors with their definitions, sorted by ID.</summary>
    [Id(2)] public EquatableArray<AuthorDetails> Authors { get; init; }

    /// <summary>Catalog-level files kept as written (endpoints.yaml, generation.json...), sorted by path.</summary>
    [Id(3)] public EquatableArray<CatalogDocument> Documents { get; init; }
}

/// <summary>What an import changed (or would change), per provider and author.</summary>
[GenerateSerializer, Immutable, Alias("starmap.import-result")]
public sealed record ImportResult
{
    /// <summary>True when nothing was written.</summary>
    [Id(0)] public bool DryRun { get; init; }

    /// <summary>Changes per provider whose state differs, sorted by provider ID.</summary>
    [Id(1)] public EquatableArray<ProviderChanges> Providers { get; init; }

    /// <summary>Authors whose record or definitions differ, sorted.</summary>
    [Id(2)] public EquatableArray<EntityChange> Authors { get; init; }

    /// <summary>Catalog generation after the import.</summary>
    [Id(3)] public long Generation { get; init; }

    /// <summary>Records left out because they have no usable ID, each named by its raw ID (escaped).</summary>
    [Id(4)] public EquatableArray<string> Warnings { get; init; }
}

/// <summary>One provider's changeset.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-changes")]
public sealed record ProviderChanges
{
    /// <summary>The provider.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>What changed.</summary>
    [Id(1)] public required Changeset Changes { get; init; }
}
