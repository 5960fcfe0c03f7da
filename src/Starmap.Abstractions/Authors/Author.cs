namespace Starmap;

/// <summary>An organisation or person that makes models.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author")]
public sealed record Author
{
    /// <summary>Lower-case kebab-case ID, e.g. <c>meta</c>.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Other IDs that name this author (e.g. <c>meta-llama</c>).</summary>
    [Id(1)] public EquatableArray<string> Aliases { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>Description.</summary>
    [Id(3)] public string? Description { get; init; }

    /// <summary>Headquarters.</summary>
    [Id(4)] public string? Headquarters { get; init; }

    /// <summary>Icon or logo URL.</summary>
    [Id(5)] public string? IconUrl { get; init; }

    /// <summary>Website and other links.</summary>
    [Id(6)] public AuthorLinks? Links { get; init; }

    /// <summary>Rules that attribute offerings to this author.</summary>
    [Id(7)] public EquatableArray<AttributionRule> Attribution { get; init; }

    /// <summary>What its catalog entry held that the record does not model, kept for export.</summary>
    [Id(40)] public EquatableArray<UnmodelledValue> Unmodelled { get; init; }
}

/// <summary>Links of an author.</summary>
[GenerateSerializer, Immutable, Alias("starmap.author-links")]
public sealed record AuthorLinks
{
    /// <summary>Website.</summary>
    [Id(0)] public string? Website { get; init; }

    /// <summary>Hugging Face organisation.</summary>
    [Id(1)] public string? HuggingFace { get; init; }

    /// <summary>GitHub organisation.</summary>
    [Id(2)] public string? GitHub { get; init; }

    /// <summary>X / Twitter.</summary>
    [Id(3)] public string? Twitter { get; init; }
}

/// <summary>
/// Attributes offerings to an author. Three modes: <see cref="ProviderId"/> only — every model of
/// that provider; provider and <see cref="Patterns"/> — that provider's models whose ID matches;
/// patterns only — any provider's models whose ID matches. See <c>ModelIdPattern</c> for glob rules.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.attribution-rule")]
public sealed record AttributionRule
{
    /// <summary>Restricts the rule to one provider.</summary>
    [Id(0)] public string? ProviderId { get; init; }

    /// <summary>Case-insensitive globs over the provider's model ID.</summary>
    [Id(1)] public EquatableArray<string> Patterns { get; init; }
}
