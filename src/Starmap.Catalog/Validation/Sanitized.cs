namespace Starmap.Catalog.Validation;

/// <summary>
/// A source record after <see cref="RecordSanitizer"/>: the record with every refused field left unknown
/// (and a note for each), or no record at all when it had no usable ID.
/// </summary>
/// <typeparam name="T">An <see cref="Offering"/> or a <see cref="ModelDefinition"/>.</typeparam>
public sealed record Sanitized<T> where T : class
{
    /// <summary>The record, valid by <see cref="CatalogValidator"/>; null when it was skipped.</summary>
    public T? Record { get; init; }

    /// <summary>The notes this pass added (also in the record's own quarantine), sorted by path.</summary>
    public EquatableArray<QuarantineNote> Added { get; init; }

    /// <summary>Why the record was skipped (it has no usable ID), naming its raw ID escaped; null when kept.</summary>
    public string? Skipped { get; init; }
}
