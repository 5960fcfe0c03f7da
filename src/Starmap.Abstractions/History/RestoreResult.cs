namespace Starmap;

/// <summary>
/// What restoring a provider or author to an earlier state changed (or, in a dry run, would change): the
/// changeset from its state now to its state then, in the shape a sync reports.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.restore-result")]
public sealed record RestoreResult
{
    /// <summary>A provider or an author.</summary>
    [Id(0)] public ChangeEntity Entity { get; init; }

    /// <summary>Its ID.</summary>
    [Id(1)] public required string Id { get; init; }

    /// <summary>The generation whose state it was restored to.</summary>
    [Id(2)] public long RestoredTo { get; init; }

    /// <summary>True when nothing was written.</summary>
    [Id(3)] public bool DryRun { get; init; }

    /// <summary>True when it did not exist then, so restoring deleted it (needs force).</summary>
    [Id(4)] public bool Deleted { get; init; }

    /// <summary>
    /// The changes: for a provider its record and offerings (offerings the restore drops are in
    /// <see cref="Changeset.RemovedOfferings"/>); for an author its record in <see cref="Changeset.Provider"/>'s
    /// place is left null and its definitions are in the definition lists.
    /// </summary>
    [Id(5)] public required Changeset Changes { get; init; }

    /// <summary>An author's record fields that change.</summary>
    [Id(6)] public EntityChange? Author { get; init; }

    /// <summary>An author's definitions the restore drops.</summary>
    [Id(7)] public EquatableArray<EntityChange> RemovedDefinitions { get; init; }

    /// <summary>The catalog generation after the restore (the current one for a dry run or a restore that changed nothing).</summary>
    [Id(8)] public long Generation { get; init; }

    /// <summary>The entity's version after the restore (0 when deleted).</summary>
    [Id(9)] public long Version { get; init; }

    /// <summary>True when the state now already equals the state then.</summary>
    public bool IsEmpty => Changes.IsEmpty && Author is null && RemovedDefinitions.IsEmpty && !Deleted;
}
