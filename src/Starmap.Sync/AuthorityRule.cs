namespace Starmap.Sync;

/// <summary>
/// Which sources may set the fields under <see cref="Path"/> and how. A path is the snake_case JSON
/// path of an offering or definition field (<c>pricing</c>, <c>limits.context_window</c>,
/// <c>features.flags.*</c>); <c>*</c> matches one segment and the longest matching rule wins.
/// </summary>
public sealed record AuthorityRule
{
    /// <summary>The record kind the path belongs to.</summary>
    public required AuthorityEntity Entity { get; init; }

    /// <summary>Dotted snake_case path; it covers every field below it.</summary>
    public required string Path { get; init; }

    /// <summary>Sources allowed to set the field, highest priority first; any other source never sets it.</summary>
    public required EquatableArray<string> Sources { get; init; }

    /// <summary>How sources combine with the baseline.</summary>
    public MergeMode Mode { get; init; } = MergeMode.Replace;

    /// <summary>Take the whole subtree at <see cref="Path"/> from one source, never mixing fields of two.</summary>
    public bool Atomic { get; init; }

    /// <summary>Whether <c>""</c> and <c>[]</c> count as stated.</summary>
    public EmptyHandling Empty { get; init; } = EmptyHandling.EmptyIsUnknown;

    /// <summary>Why the sources rank as they do.</summary>
    public required string Rationale { get; init; }

    /// <summary>Priority of <paramref name="source"/> (0 highest), or -1 when it may not set the field.</summary>
    public int Rank(string source)
    {
        for (var i = 0; i < Sources.Count; i++)
        {
            if (string.Equals(Sources[i], source, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
