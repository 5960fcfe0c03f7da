namespace Starmap;

/// <summary>
/// One quarantined field of the catalog, flattened for lists and changesets: which record it belongs
/// to (an offering of a provider, or a definition) and the <see cref="QuarantineNote"/> it carries.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.quarantined-field")]
public sealed record QuarantinedField
{
    /// <summary><c>offering</c> or <c>definition</c>.</summary>
    [Id(0)] public required string Kind { get; init; }

    /// <summary>The provider of an offering; null for a definition.</summary>
    [Id(1)] public string? ProviderId { get; init; }

    /// <summary>The provider's model ID of an offering, or the <c>author/slug</c> ID of a definition.</summary>
    [Id(2)] public required string ModelId { get; init; }

    /// <summary>The field's path in the record, e.g. <c>limits.output_tokens</c>.</summary>
    [Id(3)] public required string Path { get; init; }

    /// <summary>The refused value as text (escaped, shortened); null when absent.</summary>
    [Id(4)] public string? Value { get; init; }

    /// <summary>Why it was refused.</summary>
    [Id(5)] public required string Reason { get; init; }

    /// <summary>Where it came from: a source ID or <c>import</c>.</summary>
    [Id(6)] public required string Source { get; init; }

    /// <summary>When it was seen.</summary>
    [Id(7)] public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>The entry for <paramref name="note"/> on an offering.</summary>
    public static QuarantinedField OfOffering(string providerId, string modelId, QuarantineNote note) =>
        Of(QuarantineKinds.Offering, providerId, modelId, note);

    /// <summary>The entry for <paramref name="note"/> on a definition.</summary>
    public static QuarantinedField OfDefinition(string definitionId, QuarantineNote note) =>
        Of(QuarantineKinds.Definition, null, definitionId, note);

    private static QuarantinedField Of(string kind, string? providerId, string modelId, QuarantineNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new()
        {
            Kind = kind,
            ProviderId = providerId,
            ModelId = modelId,
            Path = note.Path,
            Value = note.Value,
            Reason = note.Reason,
            Source = note.Source,
            ObservedAt = note.ObservedAt,
        };
    }
}

/// <summary>The kinds of record a quarantined field belongs to.</summary>
public static class QuarantineKinds
{
    /// <summary>An offering (a provider's model).</summary>
    public const string Offering = "offering";

    /// <summary>A model definition (<c>author/slug</c>).</summary>
    public const string Definition = "definition";
}
