namespace Starmap;

/// <summary>How to run one provider sync.</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-request")]
public sealed record SyncRequest
{
    /// <summary>Compute and return the changeset without applying it.</summary>
    [Id(0)] public bool DryRun { get; init; }

    /// <summary>Apply even when the plausibility guard (e.g. a list that shrank by more than half) objects.</summary>
    [Id(1)] public bool Force { get; init; }

    /// <summary>Restrict to these sources (<see cref="SourceIds"/>); empty means all that apply.</summary>
    [Id(2)] public EquatableArray<string> Sources { get; init; }

    /// <summary>Who asked (cmdlet, HTTP, schedule), for the outcome record.</summary>
    [Id(3)] public string? Trigger { get; init; }

    /// <summary>
    /// The record of a provider the catalog does not have yet (discovered on models.dev): the sync creates
    /// it together with its models in one write, or, in a dry run, reports it as added. Ignored when the
    /// provider exists.
    /// </summary>
    [Id(4)] public Provider? NewProvider { get; init; }

    /// <summary>
    /// models.dev <c>api.json</c> text to use instead of downloading models.dev (a file import); only the
    /// entry of the provider synced needs to be in it.
    /// </summary>
    [Id(5)] public string? ModelsDevDocument { get; init; }
}

/// <summary>Result of a sync: what changed (or would change), from which sources, and why not if nothing did.</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-result")]
public sealed record SyncResult
{
    /// <summary>The provider synced.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>Outcome.</summary>
    [Id(1)] public SyncStatus Status { get; init; }

    /// <summary>True when this was a dry run.</summary>
    [Id(2)] public bool DryRun { get; init; }

    /// <summary>The changes (applied, or that would be applied).</summary>
    [Id(3)] public required Changeset Changes { get; init; }

    /// <summary>Each source: what it returned or why it failed or was skipped.</summary>
    [Id(4)] public EquatableArray<SourceReport> Sources { get; init; }

    /// <summary>Warnings (implausible data overridden by force, skipped records...).</summary>
    [Id(5)] public EquatableArray<string> Warnings { get; init; }

    /// <summary>Why nothing was applied, when it was not (error, guard, missing key); when it was (or nothing differed), the sources that failed and were left out.</summary>
    [Id(6)] public string? Reason { get; init; }

    /// <summary>When the sync started.</summary>
    [Id(7)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    [Id(8)] public TimeSpan Duration { get; init; }

    /// <summary>Catalog generation that includes the applied changes (read-your-writes).</summary>
    [Id(9)] public long? Generation { get; init; }

    /// <summary>Provider version after apply.</summary>
    [Id(10)] public long? Version { get; init; }
}

/// <summary>How a sync ended.</summary>
[GenerateSerializer, Alias("starmap.sync-status")]
public enum SyncStatus
{
    /// <summary>Changes were applied.</summary>
    Applied = 0,
    /// <summary>Nothing differed; nothing written.</summary>
    NoChanges = 1,
    /// <summary>Dry run: the changeset is what would be applied.</summary>
    DryRun = 2,
    /// <summary>Not run: a required key is missing or no source applies.</summary>
    Skipped = 3,
    /// <summary>Refused: a source failed or its data was implausible; the catalog is unchanged.</summary>
    Rejected = 4,
    /// <summary>Failed unexpectedly; the catalog is unchanged.</summary>
    Failed = 5,
}

/// <summary>One source's part in a sync.</summary>
[GenerateSerializer, Immutable, Alias("starmap.source-report")]
public sealed record SourceReport
{
    /// <summary>Source ID.</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>ok, failed or skipped.</summary>
    [Id(1)] public SourceStatus Status { get; init; }

    /// <summary>Models it reported.</summary>
    [Id(2)] public int Models { get; init; }

    /// <summary>URL read (never with a key).</summary>
    [Id(3)] public string? Location { get; init; }

    /// <summary>Why it failed or was skipped.</summary>
    [Id(4)] public string? Error { get; init; }

    /// <summary>How long it took.</summary>
    [Id(5)] public TimeSpan Duration { get; init; }
}

/// <summary>State of one source in a sync.</summary>
[GenerateSerializer, Alias("starmap.source-status")]
public enum SourceStatus
{
    /// <summary>Read and used.</summary>
    Ok = 0,
    /// <summary>Could not be read, or returned unusable data.</summary>
    Failed = 1,
    /// <summary>Not read (missing key, not selected, not configured).</summary>
    Skipped = 2,
}

/// <summary>Field-level differences between two states of one provider.</summary>
[GenerateSerializer, Immutable, Alias("starmap.changeset")]
public sealed record Changeset
{
    /// <summary>Offerings that are new.</summary>
    [Id(0)] public EquatableArray<EntityChange> AddedOfferings { get; init; }

    /// <summary>Offerings whose fields changed.</summary>
    [Id(1)] public EquatableArray<EntityChange> UpdatedOfferings { get; init; }

    /// <summary>Offerings gone from the source (marked unavailable / retired, not deleted).</summary>
    [Id(2)] public EquatableArray<EntityChange> RemovedOfferings { get; init; }

    /// <summary>Definitions that are new.</summary>
    [Id(3)] public EquatableArray<EntityChange> AddedDefinitions { get; init; }

    /// <summary>Definitions whose fields changed.</summary>
    [Id(4)] public EquatableArray<EntityChange> UpdatedDefinitions { get; init; }

    /// <summary>Changes to the provider record itself.</summary>
    [Id(5)] public EntityChange? Provider { get; init; }

    /// <summary>
    /// Fields newly quarantined: a source gave a value that could not be right, so the field was left
    /// unknown and a note kept (field, value, reason, source, model). Sorted by kind, provider, model, path.
    /// </summary>
    [Id(6)] public EquatableArray<QuarantinedField> Quarantined { get; init; }

    /// <summary>Quarantine notes dropped: the field now has a valid value, or its source no longer refuses.</summary>
    [Id(7)] public EquatableArray<QuarantinedField> Released { get; init; }

    /// <summary>True when nothing differs.</summary>
    public bool IsEmpty =>
        AddedOfferings.IsEmpty && UpdatedOfferings.IsEmpty && RemovedOfferings.IsEmpty &&
        AddedDefinitions.IsEmpty && UpdatedDefinitions.IsEmpty && Provider is null &&
        Quarantined.IsEmpty && Released.IsEmpty;

    /// <summary>Number of changed entities.</summary>
    public int Count =>
        AddedOfferings.Count + UpdatedOfferings.Count + RemovedOfferings.Count +
        AddedDefinitions.Count + UpdatedDefinitions.Count + (Provider is null ? 0 : 1);
}

/// <summary>One entity's changed fields.</summary>
[GenerateSerializer, Immutable, Alias("starmap.entity-change")]
public sealed record EntityChange
{
    /// <summary>Model ID, definition ID or provider ID.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Changed fields, sorted by path.</summary>
    [Id(1)] public EquatableArray<FieldChange> Fields { get; init; }
}

/// <summary>One field's old and new value, as JSON text in the contracts' shape (null when unknown).</summary>
[GenerateSerializer, Immutable, Alias("starmap.field-change")]
public sealed record FieldChange
{
    /// <summary>Path in snake_case, e.g. <c>pricing.tokens.input</c> or <c>features.flags.tool_calls</c>.</summary>
    [Id(0)] public required string Path { get; init; }

    /// <summary>Old value as JSON, or null when it was unknown.</summary>
    [Id(1)] public string? Old { get; init; }

    /// <summary>New value as JSON, or null when it became unknown.</summary>
    [Id(2)] public string? New { get; init; }

    /// <summary>Which source supplied the new value.</summary>
    [Id(3)] public string? Source { get; init; }
}

/// <summary>Where one field's current value came from.</summary>
[GenerateSerializer, Immutable, Alias("starmap.field-provenance")]
public sealed record FieldProvenance
{
    /// <summary>Field path, as in <see cref="FieldChange.Path"/>.</summary>
    [Id(0)] public required string Path { get; init; }

    /// <summary>Source ID.</summary>
    [Id(1)] public required string Source { get; init; }

    /// <summary>When the source was read.</summary>
    [Id(2)] public DateTimeOffset ObservedAt { get; init; }
}
