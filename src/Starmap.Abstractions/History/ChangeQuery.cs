namespace Starmap;

/// <summary>
/// A filter over the change log; answers are oldest first (or newest first, <see cref="Order"/>) and paged:
/// pass the page's <see cref="ChangePage.Next"/> back as <see cref="After"/> for the next page.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.change-query")]
public sealed record ChangeQuery
{
    /// <summary>Only changes of generations after this one.</summary>
    [Id(0)] public long? SinceGeneration { get; init; }

    /// <summary>Only changes of generations up to and including this one.</summary>
    [Id(1)] public long? UntilGeneration { get; init; }

    /// <summary>Only changes published at or after this time.</summary>
    [Id(2)] public DateTimeOffset? Since { get; init; }

    /// <summary>Only changes published before this time.</summary>
    [Id(3)] public DateTimeOffset? Until { get; init; }

    /// <summary>Only changes of this provider (its record and offerings).</summary>
    [Id(4)] public string? Provider { get; init; }

    /// <summary>Only changes of this author (its record and definitions).</summary>
    [Id(5)] public string? Author { get; init; }

    /// <summary>Only changes of this model ID (an offering's model ID or a definition's <c>author/slug</c>).</summary>
    [Id(6)] public string? Model { get; init; }

    /// <summary>Only fields whose path is this or starts with it followed by <c>.</c> or <c>[</c> (e.g. <c>pricing</c>).</summary>
    [Id(7)] public string? Field { get; init; }

    /// <summary>Include bookkeeping fields (<see cref="CatalogChange.IsBookkeeping"/>); false by default.</summary>
    [Id(8)] public bool Bookkeeping { get; init; }

    /// <summary>Page size (1..<see cref="MaxLimit"/>).</summary>
    [Id(9)] public int Limit { get; init; } = DefaultLimit;

    /// <summary>
    /// Continue after this position (from <see cref="ChangePage.Next"/>), in <see cref="Order"/>: newest first,
    /// the next page holds the changes older than it.
    /// </summary>
    [Id(10)] public ChangePosition? After { get; init; }

    /// <summary>Oldest first (the default) or newest first; the filters select the same changes either way.</summary>
    [Id(60)] public ChangeOrder Order { get; init; }

    /// <summary>Page size when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 1000;
}

/// <summary>A position in the change log: a generation and a sequence within it.</summary>
[GenerateSerializer, Immutable, Alias("starmap.change-position")]
public sealed record ChangePosition
{
    /// <summary>The generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>The sequence within it.</summary>
    [Id(1)] public int Sequence { get; init; }

    /// <summary>The position as text, <c>generation.sequence</c> (the HTTP API's <c>after</c> cursor).</summary>
    public override string ToString() => FormattableString.Invariant($"{Generation}.{Sequence}");

    /// <summary>Parses <see cref="ToString"/>'s text; null when it is not one.</summary>
    public static ChangePosition? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is [var g, var s] &&
            long.TryParse(g, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var generation) &&
            int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? new ChangePosition { Generation = generation, Sequence = sequence }
            : null;
    }
}

/// <summary>One page of changes, in the query's <see cref="ChangeQuery.Order"/>.</summary>
[GenerateSerializer, Immutable, Alias("starmap.change-page")]
public sealed record ChangePage
{
    /// <summary>The newest generation the log holds.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>The changes.</summary>
    [Id(1)] public EquatableArray<CatalogChange> Items { get; init; }

    /// <summary>Where the next page starts; null when this is the last.</summary>
    [Id(2)] public ChangePosition? Next { get; init; }
}

/// <summary>What the change log holds: the generations it can rebuild the catalog at.</summary>
[GenerateSerializer, Immutable, Alias("starmap.change-log-bounds")]
public sealed record ChangeLogBounds
{
    /// <summary>The oldest generation whose changes are kept (null: the log is empty).</summary>
    [Id(0)] public long? FirstGeneration { get; init; }

    /// <summary>The newest generation recorded (null: the log is empty).</summary>
    [Id(1)] public long? LastGeneration { get; init; }

    /// <summary>When <see cref="FirstGeneration"/> was published.</summary>
    [Id(2)] public DateTimeOffset? FirstAt { get; init; }

    /// <summary>
    /// The newest generation retention deleted (null: none ever was): changes of it and older are gone,
    /// so reads that need them are refused.
    /// </summary>
    [Id(60)] public long? PrunedThrough { get; init; }

    /// <summary>
    /// The oldest generation the catalog can be rebuilt at: one before <see cref="FirstGeneration"/>
    /// (every newer change is kept, so undoing them all gives it), or later past an unrecorded change.
    /// </summary>
    public long? OldestReadable => FirstGeneration - 1;
}
