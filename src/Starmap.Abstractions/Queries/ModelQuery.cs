namespace Starmap;

/// <summary>
/// Filters, sort and page of a model query across the whole catalog. Every filter is optional; all
/// given filters must hold. A model whose value is unknown never satisfies a bound on that value.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.model-query")]
public sealed record ModelQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Page size when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Offerings of any of these providers.</summary>
    [Id(0)] public EquatableArray<string> Providers { get; init; }

    /// <summary>Models credited to any of these authors.</summary>
    [Id(1)] public EquatableArray<string> Authors { get; init; }

    /// <summary>Model ID wildcard (<c>*</c>, <c>?</c>; case-insensitive); without wildcards, an exact match.</summary>
    [Id(2)] public string? Id { get; init; }

    /// <summary>Name wildcard (<c>*</c>, <c>?</c>; case-insensitive).</summary>
    [Id(3)] public string? Name { get; init; }

    /// <summary>Case-insensitive substring of the name.</summary>
    [Id(4)] public string? NameContains { get; init; }

    /// <summary>Every one of these input modalities must be known to be supported.</summary>
    [Id(5)] public EquatableArray<Modality> InputModalities { get; init; }

    /// <summary>Every one of these output modalities must be known to be supported.</summary>
    [Id(6)] public EquatableArray<Modality> OutputModalities { get; init; }

    /// <summary>Every one of these features must be known true.</summary>
    [Id(7)] public EquatableArray<Feature> Features { get; init; }

    /// <summary>Every one of these features must be known false.</summary>
    [Id(8)] public EquatableArray<Feature> WithoutFeatures { get; init; }

    /// <summary>Context window at least this (unknown never matches).</summary>
    [Id(9)] public long? MinContext { get; init; }

    /// <summary>Context window at most this (unknown never matches).</summary>
    [Id(10)] public long? MaxContext { get; init; }

    /// <summary>Input price per 1M tokens at most this (unknown never matches).</summary>
    [Id(11)] public decimal? MaxInputPrice { get; init; }

    /// <summary>Output price per 1M tokens at most this (unknown never matches).</summary>
    [Id(12)] public decimal? MaxOutputPrice { get; init; }

    /// <summary>Lifecycle status is any of these (<see cref="LifecycleStatus.Unknown"/> matches only when listed).</summary>
    [Id(13)] public EquatableArray<LifecycleStatus> Statuses { get; init; }

    /// <summary>Open weights known equal to this.</summary>
    [Id(14)] public bool? OpenWeights { get; init; }

    /// <summary>Released on or after this date (unknown never matches).</summary>
    [Id(15)] public DateOnly? ReleasedAfter { get; init; }

    /// <summary>Released on or before this date (unknown never matches).</summary>
    [Id(16)] public DateOnly? ReleasedBefore { get; init; }

    /// <summary>Sort key; ties break by provider then model ID. Unknown values sort last in either order.</summary>
    [Id(17)] public ModelSort Sort { get; init; }

    /// <summary>Sort direction.</summary>
    [Id(18)] public SortOrder Order { get; init; }

    /// <summary>Matches to skip.</summary>
    [Id(19)] public int Offset { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>; null means <see cref="DefaultLimit"/>.</summary>
    [Id(20)] public int? Limit { get; init; }

    /// <summary>Read at least this catalog generation (read-your-writes).</summary>
    [Id(21)] public long MinGeneration { get; init; }

    /// <summary>
    /// Free text: whitespace-separated words, each of which must appear (case-insensitive) in the model
    /// ID, the linked definition ID, the name, the description, a credited author or the family. Pair it
    /// with <see cref="ModelSort.Relevance"/> to rank the matches (exact ID first, then ID prefix, whole
    /// words of the name, any ID or name match, then the other fields).
    /// </summary>
    [Id(22)] public string? Search { get; init; }

    /// <summary>Family is any of these (case-insensitive; unknown never matches).</summary>
    [Id(23)] public EquatableArray<string> Families { get; init; }
}

/// <summary>Sort key of a model query.</summary>
[GenerateSerializer, Alias("starmap.model-sort")]
public enum ModelSort
{
    /// <summary>Provider, then model ID.</summary>
    Id = 0,
    /// <summary>Display name.</summary>
    Name = 1,
    /// <summary>Release date.</summary>
    ReleaseDate = 2,
    /// <summary>Context window.</summary>
    Context = 3,
    /// <summary>Input price.</summary>
    InputPrice = 4,
    /// <summary>Output price.</summary>
    OutputPrice = 5,
    /// <summary>How well the model matches <see cref="ModelQuery.Search"/>, best first (the order is ignored); provider then model ID without a search.</summary>
    Relevance = 6,
    /// <summary>Knowledge cutoff.</summary>
    KnowledgeCutoff = 7,
}

/// <summary>Sort direction.</summary>
[GenerateSerializer, Alias("starmap.sort-order")]
public enum SortOrder
{
    /// <summary>Ascending.</summary>
    Ascending = 0,
    /// <summary>Descending.</summary>
    Descending = 1,
}
