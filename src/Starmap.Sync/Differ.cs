using System.Collections.Frozen;

namespace Starmap.Sync;

/// <summary>
/// Field-level differences between two states of a provider: every modelled field, by walking the
/// contracts' JSON (objects walked, lists compared whole at their path). Bookkeeping (IDs, created_at,
/// updated_at, provenance) is not content and never shows. Unknown (absent, null, an enum's
/// <c>unknown</c>) shows as null.
/// </summary>
public static class Differ
{
    internal static readonly FrozenSet<string> OfferingBookkeeping =
        FrozenSet.ToFrozenSet(["provider_id", "model_id", "created_at", "updated_at", "provenance", "quarantine"], StringComparer.Ordinal);

    internal static readonly FrozenSet<string> IdOnly = FrozenSet.ToFrozenSet(["id"], StringComparer.Ordinal);

    // Quarantine notes show in the changeset's own lists (QuarantineDiff), not as a changed field.
    internal static readonly FrozenSet<string> DefinitionBookkeeping = FrozenSet.ToFrozenSet(["id", "quarantine"], StringComparer.Ordinal);

    /// <summary>
    /// The changeset from <paramref name="before"/> to <paramref name="after"/>. Definitions are compared
    /// for the IDs in <paramref name="definitionsAfter"/> (sync writes only new or filled ones and never
    /// removes one). An offering that turns unavailable or retired, or is missing from
    /// <paramref name="after"/>, is removed.
    /// </summary>
    public static Changeset Diff(
        ProviderDetails? before,
        ProviderDetails? after,
        IReadOnlyCollection<ModelDefinition>? definitionsBefore = null,
        IReadOnlyCollection<ModelDefinition>? definitionsAfter = null)
    {
        var old = ById(before?.Offerings ?? [], o => o.ModelId);
        var now = ById(after?.Offerings ?? [], o => o.ModelId);
        List<EntityChange> added = [], updated = [], removed = [];
        foreach (var id in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(id);
            var @is = now.GetValueOrDefault(id);
            var fields = Compare(was, @is);
            if (was is null)
            {
                added.Add(new EntityChange { Id = id, Fields = fields });
            }
            else if (@is is null || (IsLive(was) && !IsLive(@is)))
            {
                removed.Add(new EntityChange { Id = id, Fields = fields });
            }
            else if (!fields.IsEmpty)
            {
                updated.Add(new EntityChange { Id = id, Fields = fields });
            }
        }

        var written = ById(definitionsAfter ?? [], d => d.Id);
        // Only the IDs written are looked up: a sync passes the catalog's every definition for each provider.
        var known = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitionsBefore ?? [])
        {
            if (written.ContainsKey(definition.Id))
            {
                known.TryAdd(definition.Id, definition);
            }
        }
        List<EntityChange> addedDefinitions = [], updatedDefinitions = [];
        foreach (var (id, definition) in written.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var was = known.GetValueOrDefault(id);
            var fields = Compare(was, definition);
            if (was is null)
            {
                addedDefinitions.Add(new EntityChange { Id = id, Fields = fields });
            }
            else if (!fields.IsEmpty)
            {
                updatedDefinitions.Add(new EntityChange { Id = id, Fields = fields });
            }
        }

        var providerFields = Compare(before?.Provider, after?.Provider);
        var providerId = after?.Provider.Id ?? before?.Provider.Id ?? "";
        var quarantine = QuarantineDiff.Of(providerId, old, now, known, definitionsAfter ?? []);
        return new Changeset
        {
            Quarantined = quarantine.Added,
            Released = quarantine.Dropped,
            AddedOfferings = [.. added],
            UpdatedOfferings = [.. updated],
            RemovedOfferings = [.. removed],
            AddedDefinitions = [.. addedDefinitions],
            UpdatedDefinitions = [.. updatedDefinitions],
            Provider = providerFields.IsEmpty && (before is null) == (after is null)
                ? null
                : new EntityChange { Id = after?.Provider.Id ?? before!.Provider.Id, Fields = providerFields },
        };
    }

    /// <summary>Changed fields of an offering, sorted by path; each names the source from <paramref name="after"/>'s provenance.</summary>
    public static EquatableArray<FieldChange> Compare(Offering? before, Offering? after) =>
        Changes(before, after, OfferingBookkeeping, after?.Provenance ?? []);

    /// <summary>Changed fields of a definition, sorted by path.</summary>
    public static EquatableArray<FieldChange> Compare(ModelDefinition? before, ModelDefinition? after) =>
        Changes(before, after, DefinitionBookkeeping, []);

    /// <summary>Changed fields of a provider record, sorted by path.</summary>
    public static EquatableArray<FieldChange> Compare(Provider? before, Provider? after) =>
        Changes(before, after, IdOnly, []);

    /// <summary>Changed fields of an author record, sorted by path.</summary>
    public static EquatableArray<FieldChange> Compare(Author? before, Author? after) =>
        Changes(before, after, IdOnly, []);

    private static bool IsLive(Offering offering) =>
        offering.Availability != Availability.Unavailable && offering.Lifecycle?.Status != LifecycleStatus.Retired;

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id) =>
        items.DistinctBy(id, StringComparer.Ordinal).ToDictionary(id, StringComparer.Ordinal);

    // Properties that write the same JSON on both sides cannot differ in any field below them: they are
    // left out before anything is flattened (typed comparison, see SameJson), and an unchanged record
    // (most of a sync) costs no JSON at all.
    private static EquatableArray<FieldChange> Changes<T>(T? before, T? after, IReadOnlySet<string> excluded, EquatableArray<FieldProvenance> provenance)
        where T : class
    {
        if (before is not null && after is not null)
        {
            if (SameJson.ExcludingEqual(before, after, excluded) is not { } differing)
            {
                return [];
            }
            excluded = differing;
        }
        return ChangesByJson(before, after, excluded, provenance);
    }

    /// <summary>The field diff by flattening both records to JSON fields: the reference the typed pruning must agree with.</summary>
    internal static EquatableArray<FieldChange> ChangesByJson<T>(T? before, T? after, IReadOnlySet<string> excluded, EquatableArray<FieldProvenance> provenance)
        where T : class
    {
        var old = Known(before, excluded);
        var now = Known(after, excluded);
        var changes = new List<FieldChange>();
        foreach (var path in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(path);
            var @is = now.GetValueOrDefault(path);
            if (FieldValues.Equal(was?.Value, @is?.Value))
            {
                continue;
            }
            changes.Add(new FieldChange
            {
                Path = path,
                Old = was is { } w ? FieldValues.Text(w.Value) : null,
                New = @is is { } i ? FieldValues.Text(i.Value) : null,
                Source = @is is null ? null : SourceOf(path, provenance),
            });
        }
        return [.. changes];
    }

    private static Dictionary<string, Field?> Known<T>(T? value, IReadOnlySet<string> excluded) where T : class =>
        value is null
            ? []
            : FieldMap.Of(value, excluded).Fields.Where(p => !FieldValues.IsUnknown(p.Value))
                .ToDictionary(p => p.Key, p => (Field?)p.Value, StringComparer.Ordinal);

    // The provenance entry at the path or the closest enclosing one (an atomic subtree such as pricing).
    internal static string? SourceOf(string path, EquatableArray<FieldProvenance> provenance)
    {
        FieldProvenance? best = null;
        foreach (var entry in provenance)
        {
            var covers = string.Equals(entry.Path, path, StringComparison.Ordinal) ||
                path.StartsWith(entry.Path + ".", StringComparison.Ordinal);
            if (covers && (best is null || entry.Path.Length > best.Path.Length))
            {
                best = entry;
            }
        }
        return best?.Source;
    }
}
