using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Starmap.Http;

/// <summary>A page of the change log as <c>/api/v1/changes</c> answers it.</summary>
public sealed record ChangeListResponse
{
    /// <summary>The newest generation the log holds (on <c>/changes/{generation}</c>: that generation).</summary>
    public long Generation { get; init; }

    /// <summary>On <c>/changes/{generation}</c>: when it was published.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>On <c>/changes/{generation}</c>: what kind of write published it (sync, powershell, http, client, import, restore).</summary>
    public string? Origin { get; init; }

    /// <summary>On <c>/changes/{generation}</c>: its changes counted by kind (bookkeeping fields not counted) and the providers and authors touched.</summary>
    public ChangeSummary? Summary { get; init; }

    /// <summary>The changes, oldest first (newest first with <c>order=desc</c>).</summary>
    public required IReadOnlyList<ChangeItem> Items { get; init; }

    /// <summary>The <c>after</c> value of the next page; null on the last page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Next { get; init; }
}

/// <summary>A generation's changes in brief (the update stream's <c>catalog.published</c> events carry the same).</summary>
public sealed record ChangeSummary
{
    /// <summary>Fields changed.</summary>
    public int Changed { get; init; }

    /// <summary>Records added.</summary>
    public int Added { get; init; }

    /// <summary>Records removed.</summary>
    public int Removed { get; init; }

    /// <summary>Entities changed in ways not recorded (a recovered publish).</summary>
    public int Unrecorded { get; init; }

    /// <summary>Providers touched.</summary>
    public required IReadOnlyList<string> Providers { get; init; }

    /// <summary>Authors touched.</summary>
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>The summary of <paramref name="info"/>.</summary>
    public static ChangeSummary Of(ChangeGenerationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new()
        {
            Changed = info.Changed,
            Added = info.Added,
            Removed = info.Removed,
            Unrecorded = info.Unrecorded,
            Providers = [.. info.Providers],
            Authors = [.. info.Authors],
        };
    }
}

/// <summary>One recorded change of one field (or one whole record), with its old and new value as JSON values.</summary>
public sealed record ChangeItem
{
    /// <summary>The generation that published it.</summary>
    public long Generation { get; init; }

    /// <summary>Its order within the generation.</summary>
    public int Sequence { get; init; }

    /// <summary>When the generation was published.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What kind of write made it: sync, powershell, http, client, import, restore.</summary>
    public required string Origin { get; init; }

    /// <summary>The source that supplied the new value (models.dev, provider-api...), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Source { get; init; }

    /// <summary>provider or author.</summary>
    public ChangeEntity Entity { get; init; }

    /// <summary>The provider or author ID.</summary>
    public required string EntityId { get; init; }

    /// <summary>The offering's model ID or the definition's ID; null for the provider or author record itself.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ModelId { get; init; }

    /// <summary>changed, added, removed or unrecorded.</summary>
    public ChangeKind Kind { get; init; }

    /// <summary>The field's path (e.g. pricing.tokens.input); empty for a whole record.</summary>
    public required string Path { get; init; }

    /// <summary>The value before; null when it was unknown (absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Old { get; init; }

    /// <summary>The value after; null when it became unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? New { get; init; }

    /// <summary>The change as the API shows it.</summary>
    public static ChangeItem Of(CatalogChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new()
        {
            Generation = change.Generation,
            Sequence = change.Sequence,
            At = change.At,
            Origin = change.Origin,
            Source = change.Source,
            Entity = change.Entity,
            EntityId = change.EntityId,
            ModelId = change.ModelId,
            Kind = change.Kind,
            Path = change.Path,
            Old = change.Old is null ? null : JsonNode.Parse(change.Old),
            New = change.New is null ? null : JsonNode.Parse(change.New),
        };
    }
}
