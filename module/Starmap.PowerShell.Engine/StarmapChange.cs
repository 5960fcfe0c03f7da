namespace Starmap.PowerShell;

/// <summary>One changed field of a sync or import changeset, flattened for tables and CSV.</summary>
public sealed class StarmapChange
{
    /// <summary>The provider whose changeset it belongs to (null for author changes of an import).</summary>
    public string? ProviderId { get; set; }

    /// <summary>offering, definition, provider or author.</summary>
    public string Scope { get; set; } = "";

    /// <summary>added, updated or removed; quarantined or released for a quarantine note (Path names the field, New or Old the refused value).</summary>
    public string Action { get; set; } = "";

    /// <summary>Model ID, definition ID, provider or author ID.</summary>
    public string Id { get; set; } = "";

    /// <summary>Field path in snake_case (pricing.tokens.input); null when the entity has no field detail.</summary>
    public string? Path { get; set; }

    /// <summary>Old value as JSON; null when unknown.</summary>
    public string? Old { get; set; }

    /// <summary>New value as JSON; null when unknown.</summary>
    public string? New { get; set; }

    /// <summary>Source of the new value.</summary>
    public string? Source { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Path is null ? $"{Action} {Scope} {Id}" : $"{Action} {Scope} {Id}: {Path} {Old ?? "(unknown)"} -> {New ?? "(unknown)"}";

    internal static IEnumerable<StarmapChange> From(string? providerId, Changeset changes)
    {
        IEnumerable<StarmapChange> Rows(string scope, string action, IEnumerable<EntityChange> entities) =>
            entities.SelectMany(e => Of(providerId, scope, action, e));
        return Rows("offering", "added", changes.AddedOfferings)
            .Concat(Rows("offering", "updated", changes.UpdatedOfferings))
            .Concat(Rows("offering", "removed", changes.RemovedOfferings))
            .Concat(Rows("definition", "added", changes.AddedDefinitions))
            .Concat(Rows("definition", "updated", changes.UpdatedDefinitions))
            .Concat(changes.Provider is { } p ? Of(providerId, "provider", "updated", p) : [])
            .Concat(changes.Quarantined.Select(q => Note(q, "quarantined", old: null, @new: q.Value)))
            .Concat(changes.Released.Select(q => Note(q, "released", old: q.Value, @new: null)));
    }

    // A quarantine note as a change row: the field, the refused value and its source.
    private static StarmapChange Note(QuarantinedField field, string action, string? old, string? @new) => new()
    {
        ProviderId = field.ProviderId,
        Scope = field.Kind,
        Action = action,
        Id = field.ModelId,
        Path = field.Path,
        Old = old,
        New = @new,
        Source = field.Source,
    };

    internal static IEnumerable<StarmapChange> Of(string? providerId, string scope, string action, EntityChange entity) =>
        entity.Fields.IsEmpty
            ? [new StarmapChange { ProviderId = providerId, Scope = scope, Action = action, Id = entity.Id }]
            : entity.Fields.Select(f => new StarmapChange
            {
                ProviderId = providerId,
                Scope = scope,
                Action = action,
                Id = entity.Id,
                Path = f.Path,
                Old = f.Old,
                New = f.New,
                Source = f.Source,
            });
}
