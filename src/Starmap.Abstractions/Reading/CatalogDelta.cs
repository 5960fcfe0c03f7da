namespace Starmap;

/// <summary>What one published generation changed: the providers and authors written or removed.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-notice")]
public sealed record CatalogNotice
{
    /// <summary>The generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Providers written or removed in it, sorted by ID.</summary>
    [Id(1)] public EquatableArray<string> Providers { get; init; }

    /// <summary>Authors written or removed in it, sorted by ID.</summary>
    [Id(2)] public EquatableArray<string> Authors { get; init; }
}

/// <summary>
/// The catalog's changes after <see cref="Since"/> up to <see cref="Generation"/>: the current state of
/// each provider and author changed in between (once, however often it changed), the IDs removed, and
/// each generation's notice in order.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-delta")]
public sealed record CatalogDelta
{
    /// <summary>The generation the changes start after.</summary>
    [Id(0)] public long Since { get; init; }

    /// <summary>The generation they lead to.</summary>
    [Id(1)] public long Generation { get; init; }

    /// <summary>Providers changed, at <see cref="Generation"/>, sorted by ID.</summary>
    [Id(2)] public EquatableArray<ProviderDetails> Providers { get; init; }

    /// <summary>Providers removed, sorted.</summary>
    [Id(3)] public EquatableArray<string> RemovedProviders { get; init; }

    /// <summary>Authors changed, at <see cref="Generation"/>, sorted by ID.</summary>
    [Id(4)] public EquatableArray<AuthorDetails> Authors { get; init; }

    /// <summary>Authors removed, sorted.</summary>
    [Id(5)] public EquatableArray<string> RemovedAuthors { get; init; }

    /// <summary>Each generation after <see cref="Since"/>, in order, with what it changed.</summary>
    [Id(6)] public EquatableArray<CatalogNotice> Notices { get; init; }
}
