namespace Starmap;

/// <summary>
/// A value a source gave that the catalog refused: the field stays unknown and this note keeps what was
/// seen, so one bad record never rejects its provider and nothing is silently dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.quarantine-note")]
public sealed record QuarantineNote
{
    /// <summary>The field's path in the record, e.g. <c>limits.output_tokens</c> or <c>name</c>.</summary>
    [Id(0)] public required string Path { get; init; }

    /// <summary>The refused value as text (control characters escaped, long values shortened); null when absent.</summary>
    [Id(1)] public string? Value { get; init; }

    /// <summary>Why it was refused, e.g. <c>is above the context window (128000)</c>.</summary>
    [Id(2)] public required string Reason { get; init; }

    /// <summary>Where it came from: a source ID (<c>models.dev</c>, <c>provider-api</c>) or <c>import</c>.</summary>
    [Id(3)] public required string Source { get; init; }

    /// <summary>When it was seen.</summary>
    [Id(4)] public DateTimeOffset? ObservedAt { get; init; }
}
