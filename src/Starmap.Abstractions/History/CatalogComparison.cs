namespace Starmap;

/// <summary>
/// What differs between the catalog at two points in history: per provider, the offerings added, removed
/// and changed (with their changed fields), and the provider record's own changed fields; per author, the
/// model definitions added, removed and changed, and the author record's own changed fields. Bookkeeping
/// (timestamps, provenance) is not content and never shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-comparison")]
public sealed record CatalogComparison
{
    /// <summary>The generation compared from.</summary>
    [Id(0)] public long From { get; init; }

    /// <summary>The generation compared to.</summary>
    [Id(1)] public long To { get; init; }

    /// <summary>Providers that differ, sorted by ID.</summary>
    [Id(2)] public EquatableArray<ProviderComparison> Providers { get; init; }

    /// <summary>Authors that differ (their record or their model definitions), sorted by ID.</summary>
    [Id(60)] public EquatableArray<AuthorComparison> Authors { get; init; }

    /// <summary>Offerings added across all providers.</summary>
    public int Added => Providers.Sum(p => p.Added);

    /// <summary>Offerings removed across all providers.</summary>
    public int Removed => Providers.Sum(p => p.Removed);

    /// <summary>Offerings changed across all providers.</summary>
    public int Changed => Providers.Sum(p => p.Changed);
}

/// <summary>One provider's differences between two points.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-comparison")]
public sealed record ProviderComparison
{
    /// <summary>The provider.</summary>
    [Id(0)] public required string Provider { get; init; }

    /// <summary><c>added</c> (new since), <c>removed</c> (gone since) or <c>changed</c>.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>Offerings added.</summary>
    [Id(2)] public int Added { get; init; }

    /// <summary>Offerings removed.</summary>
    [Id(3)] public int Removed { get; init; }

    /// <summary>Offerings whose fields changed.</summary>
    [Id(4)] public int Changed { get; init; }

    /// <summary>The provider record's changed fields.</summary>
    [Id(5)] public EquatableArray<FieldChange> Fields { get; init; }

    /// <summary>The offerings that differ, sorted by model ID.</summary>
    [Id(6)] public EquatableArray<ModelComparison> Models { get; init; }
}

/// <summary>One offering's difference between two points.</summary>
[GenerateSerializer, Immutable, Alias("starmap.model-comparison")]
public sealed record ModelComparison
{
    /// <summary>The provider's model ID.</summary>
    [Id(0)] public required string Model { get; init; }

    /// <summary><c>added</c>, <c>removed</c> or <c>changed</c>.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>The fields that differ (every set field for an added or removed offering), sorted by path.</summary>
    [Id(2)] public EquatableArray<FieldChange> Fields { get; init; }
}

/// <summary>One author's differences between two points: its record and its model definitions.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author-comparison")]
public sealed record AuthorComparison
{
    /// <summary>The author.</summary>
    [Id(0)] public required string Author { get; init; }

    /// <summary><c>added</c> (new since), <c>removed</c> (gone since) or <c>changed</c>.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>Definitions added.</summary>
    [Id(2)] public int Added { get; init; }

    /// <summary>Definitions removed.</summary>
    [Id(3)] public int Removed { get; init; }

    /// <summary>Definitions whose fields changed.</summary>
    [Id(4)] public int Changed { get; init; }

    /// <summary>The author record's changed fields.</summary>
    [Id(5)] public EquatableArray<FieldChange> Fields { get; init; }

    /// <summary>The definitions that differ, sorted by ID (<see cref="ModelComparison.Model"/> is the definition ID).</summary>
    [Id(6)] public EquatableArray<ModelComparison> Definitions { get; init; }
}
