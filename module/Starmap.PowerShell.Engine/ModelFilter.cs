namespace Starmap.PowerShell;

/// <summary>Get-StarmapModel's filters in plain types; <see cref="CatalogReader.QueryModelsAsync"/> turns them into a <c>ModelQuery</c>.</summary>
public sealed class ModelFilter
{
    /// <summary>Provider IDs (any).</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>Author IDs (any).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Model ID wildcards (any); each is one query.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Name wildcards; a model matching any of them matches.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Input modalities that must all be supported.</summary>
    public IReadOnlyList<string> InputModalities { get; init; } = [];

    /// <summary>Output modalities that must all be supported.</summary>
    public IReadOnlyList<string> OutputModalities { get; init; } = [];

    /// <summary>Features that must all be known true.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Features that must all be known false.</summary>
    public IReadOnlyList<string> WithoutFeatures { get; init; } = [];

    /// <summary>Smallest context window.</summary>
    public long? MinContext { get; init; }

    /// <summary>Highest input price per 1M tokens.</summary>
    public decimal? MaxInputPrice { get; init; }

    /// <summary>Highest output price per 1M tokens.</summary>
    public decimal? MaxOutputPrice { get; init; }

    /// <summary>Lifecycle statuses (any).</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Open weights, when set.</summary>
    public bool? OpenWeights { get; init; }

    /// <summary>Released on or after.</summary>
    public DateTime? ReleasedAfter { get; init; }

    /// <summary>Released on or before.</summary>
    public DateTime? ReleasedBefore { get; init; }

    /// <summary>Free text over ID, name, description, authors and family; words ANDed.</summary>
    public string? Search { get; init; }

    /// <summary>Families (any), case-insensitive.</summary>
    public IReadOnlyList<string> Families { get; init; } = [];

    /// <summary>Sort key: Id, Name, ReleaseDate, Context, InputPrice, OutputPrice, Relevance, KnowledgeCutoff; Relevance when only a search is given.</summary>
    public string? SortBy { get; init; }

    /// <summary>Sort descending.</summary>
    public bool Descending { get; init; }

    /// <summary>Read as the catalog was at this time (null: now).</summary>
    public DateTime? At { get; init; }

    /// <summary>Read as the catalog was at this generation (null: now).</summary>
    public long? Generation { get; init; }

    /// <summary>Matches to skip.</summary>
    public long Skip { get; init; }

    /// <summary>Most matches to return; null for all.</summary>
    public long? First { get; init; }
}

/// <summary>One page of models with the total number of matches.</summary>
public sealed class ModelResults
{
    /// <summary>The models.</summary>
    public IReadOnlyList<StarmapModel> Items { get; init; } = [];

    /// <summary>Matches before paging (the sum over patterns when several IDs were given).</summary>
    public long Total { get; init; }
}
