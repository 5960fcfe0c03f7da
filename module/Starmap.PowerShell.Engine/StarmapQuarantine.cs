namespace Starmap.PowerShell;

/// <summary>
/// One quarantined field (Get-StarmapQuarantine, and the Quarantine of Sync-StarmapProvider's result): a
/// value a source gave that was refused, so the field is unknown in the catalog; what was seen, why, from where.
/// </summary>
public sealed class StarmapQuarantine
{
    /// <summary>offering or definition.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The provider of an offering; null for a definition.</summary>
    public string? ProviderId { get; set; }

    /// <summary>The provider's model ID, or the definition's author/slug.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>The field's path, e.g. limits.output_tokens.</summary>
    public string Field { get; set; } = "";

    /// <summary>The refused value as text (control characters escaped, long values shortened).</summary>
    public string? Value { get; set; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Where it came from: models.dev, provider-api, import...</summary>
    public string Source { get; set; } = "";

    /// <summary>When it was seen.</summary>
    public DateTimeOffset? ObservedAt { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{ProviderId ?? Kind}/{ModelId} {Field}: {Reason}";

    internal static StarmapQuarantine From(QuarantinedField field) => new()
    {
        Kind = field.Kind,
        ProviderId = field.ProviderId,
        ModelId = field.ModelId,
        Field = field.Path,
        Value = field.Value,
        Reason = field.Reason,
        Source = field.Source,
        ObservedAt = field.ObservedAt,
    };
}
