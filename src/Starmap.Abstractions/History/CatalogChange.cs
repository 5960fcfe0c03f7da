namespace Starmap;

/// <summary>
/// One recorded change of one field (or one whole record) of a provider or author, made by one published
/// generation. The change log is a list of these, oldest first; the catalog at any earlier generation is
/// the current catalog with the newer changes undone (<see cref="Old"/> put back), so changes, not
/// snapshots, are what is stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-change")]
public sealed record CatalogChange
{
    /// <summary>The generation that published the change.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Its order within the generation (0, 1, 2...): changes of one generation sort by it.</summary>
    [Id(1)] public int Sequence { get; init; }

    /// <summary>When the generation was published.</summary>
    [Id(2)] public DateTimeOffset At { get; init; }

    /// <summary>What kind of write made it (see <see cref="ChangeOrigins"/>: sync, powershell, http, client, import, seed, restore).</summary>
    [Id(3)] public string Origin { get; init; } = ChangeOrigins.Client;

    /// <summary>The source that supplied the new value (e.g. <c>models.dev</c>, <c>provider-api</c>), when the record's provenance names one.</summary>
    [Id(4)] public string? Source { get; init; }

    /// <summary>Whether a provider (and its offerings) or an author (and its definitions) changed.</summary>
    [Id(5)] public ChangeEntity Entity { get; init; }

    /// <summary>The provider or author ID.</summary>
    [Id(6)] public required string EntityId { get; init; }

    /// <summary>The offering's model ID or the definition's ID; null for the provider or author record itself.</summary>
    [Id(7)] public string? ModelId { get; init; }

    /// <summary>Added, removed or changed (or <see cref="ChangeKind.Unrecorded"/>).</summary>
    [Id(8)] public ChangeKind Kind { get; init; }

    /// <summary>
    /// The field's path in snake_case as in <see cref="FieldChange.Path"/> (e.g. <c>pricing.tokens.input</c>,
    /// <c>pricing.tiers[200000].tokens.input</c>); empty for a whole record added or removed.
    /// </summary>
    [Id(9)] public string Path { get; init; } = "";

    /// <summary>The value before, as JSON text in the contracts' shape; null when it was absent (unknown).</summary>
    [Id(10)] public string? Old { get; init; }

    /// <summary>The value after, as JSON text; null when it became absent (unknown).</summary>
    [Id(11)] public string? New { get; init; }

    /// <summary>The entity's version before the write (0 when it did not exist).</summary>
    [Id(12)] public long PreviousVersion { get; init; }

    /// <summary>The entity's version the write led to.</summary>
    [Id(13)] public long Version { get; init; }

    /// <summary>
    /// True for bookkeeping fields (<c>created_at</c>, <c>updated_at</c>, <c>provenance</c>): recorded so a past
    /// state is rebuilt exactly, but not content a reader usually asks about.
    /// </summary>
    public bool IsBookkeeping => IsBookkeepingPath(Path);

    /// <summary>True for the bookkeeping paths named in <see cref="IsBookkeeping"/>.</summary>
    public static bool IsBookkeepingPath(string path) =>
        path is "created_at" or "updated_at" or "provenance" || path.StartsWith("provenance.", StringComparison.Ordinal);
}

/// <summary>The kind of entity a <see cref="CatalogChange"/> belongs to.</summary>
[GenerateSerializer, Alias("starmap.change-entity")]
public enum ChangeEntity
{
    /// <summary>A provider record or one of its offerings.</summary>
    Provider = 0,
    /// <summary>An author record or one of its model definitions.</summary>
    Author = 1,
}

/// <summary>What a <see cref="CatalogChange"/> did.</summary>
[GenerateSerializer, Alias("starmap.change-kind")]
public enum ChangeKind
{
    /// <summary>One field's value changed (<see cref="CatalogChange.Old"/> → <see cref="CatalogChange.New"/>).</summary>
    Changed = 0,
    /// <summary>A whole record appeared (<see cref="CatalogChange.New"/> holds it).</summary>
    Added = 1,
    /// <summary>A whole record was deleted (<see cref="CatalogChange.Old"/> holds it).</summary>
    Removed = 2,
    /// <summary>
    /// The entity changed but what changed is not known (a publish lost to a crash was recovered from the
    /// entity's stored state). The catalog before this generation cannot be rebuilt for this entity.
    /// </summary>
    Unrecorded = 3,
}

/// <summary>The names <see cref="CatalogChange.Origin"/> takes, and the request-context key that carries them.</summary>
public static class ChangeOrigins
{
    /// <summary>
    /// Orleans <c>RequestContext</c> key a surface sets before it writes (the module, the sync, an import,
    /// a restore); the registry reads it when it records the publish. Absent means <see cref="Client"/>.
    /// The HTTP API has no origin of its own: each of its writes is a sync, an import or a restore, and
    /// records that.
    /// </summary>
    public const string RequestContextKey = "starmap.origin";

    /// <summary>A sync (scheduled, HTTP, module or client triggered).</summary>
    public const string Sync = "sync";

    /// <summary>A PowerShell cmdlet.</summary>
    public const string PowerShell = "powershell";

    /// <summary>A .NET client through the facade or the grains (the default).</summary>
    public const string Client = "client";

    /// <summary>A file import.</summary>
    public const string Import = "import";

    /// <summary>The built-in catalog seeded at first start.</summary>
    public const string Seed = "seed";

    /// <summary>A restore of a provider or author to an earlier state.</summary>
    public const string Restore = "restore";
}
