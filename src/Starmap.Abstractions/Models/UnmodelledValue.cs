namespace Starmap;

/// <summary>
/// A value a catalog file held that its record does not model (Starmap's <c>extensions</c>, a key this
/// service has no field for), or spelled otherwise than the record writes it (a tag outside the tag
/// vocabulary, an author credited under another name, a limit of 0). Kept with the record so an export
/// writes the file back as it was: the value is put back wherever the record still writes
/// <see cref="Replaces"/> there, so an edit or a sync that changes the field wins over the old spelling.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.unmodelled-value")]
public sealed record UnmodelledValue
{
    /// <summary>Keys from the record's root to the value (keys may contain dots, so they are kept apart).</summary>
    [Id(0)] public required EquatableArray<string> Path { get; init; }

    /// <summary>The value as the file wrote it, as a YAML document; null when the file had no such key.</summary>
    [Id(1)] public string? Written { get; init; }

    /// <summary>What the record wrote there when it was read, as a YAML document; null when it wrote nothing.</summary>
    [Id(2)] public string? Replaces { get; init; }
}
