using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Starmap.Catalog.Json;

namespace Starmap.Sync.History;

/// <summary>
/// The change log's diff of one provider or author, and its inverse. <see cref="Of(ProviderDetails?, ProviderDetails?)"/>
/// lists every field that differs between two states (bookkeeping included, so a past state is rebuilt
/// exactly), a whole record where one appeared or went; <see cref="Revert(ProviderDetails?, IEnumerable{CatalogChange})"/>
/// undoes such changes. The changes come unstamped (generation, time, origin and sequence are the
/// registry's to set, see <see cref="ChangeBatches"/>).
/// </summary>
public static class EntityChanges
{
    private static readonly FrozenSet<string> Nothing = FrozenSet<string>.Empty;

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/> (either null: it did not exist).</summary>
    public static IReadOnlyList<CatalogChange> Of(ProviderDetails? before, ProviderDetails? after) => Of(before, after, typed: true);

    /// <summary>The same, every changed record flattened whole to JSON fields: the reference the typed pruning must agree with.</summary>
    internal static IReadOnlyList<CatalogChange> OfByJson(ProviderDetails? before, ProviderDetails? after) => Of(before, after, typed: false);

    private static List<CatalogChange> Of(ProviderDetails? before, ProviderDetails? after, bool typed)
    {
        var id = after?.Provider.Id ?? before?.Provider.Id;
        if (id is null)
        {
            return [];
        }
        var changes = new List<CatalogChange>();
        var stamp = new Stamp(ChangeEntity.Provider, id, before?.Version ?? 0, after?.Version ?? before?.Version ?? 0);
        Record(changes, stamp, null, before?.Provider, after?.Provider, [], typed);
        Items(changes, stamp,
            before?.Offerings ?? [], after?.Offerings ?? [], o => o.ModelId, o => o.Provenance, typed);
        return changes;
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/> (either null: it did not exist).</summary>
    public static IReadOnlyList<CatalogChange> Of(AuthorDetails? before, AuthorDetails? after)
    {
        var id = after?.Author.Id ?? before?.Author.Id;
        if (id is null)
        {
            return [];
        }
        var changes = new List<CatalogChange>();
        var stamp = new Stamp(ChangeEntity.Author, id, before?.Version ?? 0, after?.Version ?? before?.Version ?? 0);
        Record(changes, stamp, null, before?.Author, after?.Author, [], typed: true);
        Items(changes, stamp, before?.Definitions ?? [], after?.Definitions ?? [], d => d.Id, _ => [], typed: true);
        return changes;
    }

    /// <summary>
    /// The provider as it was before <paramref name="newerChanges"/> (this provider's changes, any order):
    /// each is undone, newest first. Null when the provider did not exist then.
    /// </summary>
    /// <exception cref="StarmapException">A change is <see cref="ChangeKind.Unrecorded"/>: the state before it is not known.</exception>
    public static ProviderDetails? Revert(ProviderDetails? current, IEnumerable<CatalogChange> newerChanges)
    {
        var state = new Working<Provider, Offering>(
            current?.Provider, current?.Offerings.ToDictionary(o => o.ModelId, o => (object)o, StringComparer.Ordinal), current?.Version ?? 0);
        if (!state.Undo(newerChanges))
        {
            return current;
        }
        if (state.Record is null)
        {
            return null;
        }
        return new ProviderDetails
        {
            Provider = Working<Provider, Offering>.Build<Provider>(state.Record),
            Offerings = state.Items.Values.Select(Working<Provider, Offering>.Build<Offering>).OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
            Version = state.Version,
        };
    }

    /// <summary>The author as it was before <paramref name="newerChanges"/>; null when it did not exist then.</summary>
    /// <exception cref="StarmapException">A change is <see cref="ChangeKind.Unrecorded"/>: the state before it is not known.</exception>
    public static AuthorDetails? Revert(AuthorDetails? current, IEnumerable<CatalogChange> newerChanges)
    {
        var state = new Working<Author, ModelDefinition>(
            current?.Author, current?.Definitions.ToDictionary(d => d.Id, d => (object)d, StringComparer.Ordinal), current?.Version ?? 0);
        if (!state.Undo(newerChanges))
        {
            return current;
        }
        if (state.Record is null)
        {
            return null;
        }
        return new AuthorDetails
        {
            Author = Working<Author, ModelDefinition>.Build<Author>(state.Record),
            Definitions = state.Items.Values.Select(Working<Author, ModelDefinition>.Build<ModelDefinition>).OrderBy(d => d.Id, StringComparer.Ordinal).ToEquatableArray(),
            Version = state.Version,
        };
    }

    private readonly record struct Stamp(ChangeEntity Entity, string Id, long PreviousVersion, long Version);

    private static void Items<T>(
        List<CatalogChange> changes, Stamp stamp, EquatableArray<T> before, EquatableArray<T> after,
        Func<T, string> id, Func<T, EquatableArray<FieldProvenance>> provenance, bool typed) where T : class
    {
        var old = before.DistinctBy(id, StringComparer.Ordinal).ToDictionary(id, StringComparer.Ordinal);
        var now = after.DistinctBy(id, StringComparer.Ordinal).ToDictionary(id, StringComparer.Ordinal);
        foreach (var key in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(key);
            var @is = now.GetValueOrDefault(key);
            if (ReferenceEquals(was, @is))
            {
                continue; // shared, unchanged: the common case, and free
            }
            Record(changes, stamp, key, was, @is, @is is null ? [] : provenance(@is), typed);
        }
    }

    // One record: added or removed whole, or each differing field.
    private static void Record<T>(
        List<CatalogChange> changes, Stamp stamp, string? modelId, T? before, T? after, EquatableArray<FieldProvenance> provenance, bool typed)
        where T : class
    {
        if (before is null && after is null)
        {
            return;
        }
        var change = new CatalogChange
        {
            Entity = stamp.Entity,
            EntityId = stamp.Id,
            ModelId = modelId,
            PreviousVersion = stamp.PreviousVersion,
            Version = stamp.Version,
        };
        if (before is null)
        {
            changes.Add(change with { Kind = ChangeKind.Added, New = StarmapJson.Serialize(after), Source = Differ.SourceOf("", provenance) });
            return;
        }
        if (after is null)
        {
            changes.Add(change with { Kind = ChangeKind.Removed, Old = StarmapJson.Serialize(before) });
            return;
        }
        // Properties equal on both sides (typed comparison) hold no differing field: not flattened at all.
        IReadOnlySet<string>? unchanged = Nothing;
        if (typed && (unchanged = SameJson.ExcludingEqual(before, after, Nothing)) is null)
        {
            return;
        }
        var old = FieldMap.Of(before, unchanged).Fields;
        var now = FieldMap.Of(after, unchanged).Fields;
        foreach (var path in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.TryGetValue(path, out var w) ? w.Value : null;
            var @is = now.TryGetValue(path, out var i) ? i.Value : null;
            if (FieldValues.Equal(was, @is))
            {
                continue;
            }
            changes.Add(change with
            {
                Kind = ChangeKind.Changed,
                Path = path,
                Old = was is null ? null : FieldValues.Text(was),
                New = @is is null ? null : FieldValues.Text(@is),
                Source = @is is null ? null : Differ.SourceOf(path, provenance),
            });
        }
    }

    /// <summary>
    /// An entity being taken back in time: the record and the items a change touched are held as
    /// flattened fields (everything untouched stays the current object), then rebuilt.
    /// </summary>
    private sealed class Working<TRecord, TItem>(object? record, Dictionary<string, object>? items, long version)
        where TRecord : class
        where TItem : class
    {
        // A value is the current record (untouched), a field map (being undone), or null (absent).
        public object? Record { get; private set; } = record;

        public Dictionary<string, object> Items { get; } = items ?? new(StringComparer.Ordinal);

        public long Version { get; private set; } = version;

        /// <summary>Undoes the changes newest first; false when there were none.</summary>
        public bool Undo(IEnumerable<CatalogChange> changes)
        {
            var any = false;
            foreach (var change in changes.OrderByDescending(c => c.Generation).ThenByDescending(c => c.Sequence))
            {
                if (change.Kind == ChangeKind.Unrecorded)
                {
                    throw new StarmapException(
                        $"{Kind(change)} '{change.EntityId}' changed at generation {change.Generation} without a record of what changed " +
                        "(a publish lost to a crash was recovered); it cannot be read as it was before that generation");
                }
                any = true;
                Version = change.PreviousVersion;
                if (change.ModelId is null)
                {
                    Record = Apply<TRecord>(Record, change);
                }
                else
                {
                    var next = Apply<TItem>(Items.GetValueOrDefault(change.ModelId), change);
                    if (next is null)
                    {
                        Items.Remove(change.ModelId);
                    }
                    else
                    {
                        Items[change.ModelId] = next;
                    }
                }
            }
            return any;
        }

        public static T Build<T>(object value) where T : class => value switch
        {
            T record => record,
            SortedDictionary<string, Field> fields => FieldMap.From(fields).ToJson().Deserialize<T>(StarmapJson.Options)
                ?? throw new StarmapException($"a {typeof(T).Name} could not be rebuilt from the change log"),
            _ => throw new StarmapException($"a {typeof(T).Name} could not be rebuilt from the change log"),
        };

        private static SortedDictionary<string, Field>? Apply<T>(object? value, CatalogChange change) where T : class
        {
            switch (change.Kind)
            {
                case ChangeKind.Added:
                    return null;
                case ChangeKind.Removed:
                    return Flatten(Parse<T>(change.Old));
                default:
                    var fields = value switch
                    {
                        SortedDictionary<string, Field> map => map,
                        null => new SortedDictionary<string, Field>(StringComparer.Ordinal),
                        T record => Flatten(record),
                        _ => throw new StarmapException($"a {typeof(T).Name} in the change log is not one"),
                    };
                    if (change.Old is null)
                    {
                        fields.Remove(change.Path);
                    }
                    else
                    {
                        fields[change.Path] = new Field(JsonNode.Parse(change.Old)!, null, false);
                    }
                    return fields;
            }
        }

        // Flattened by its type, so keyed lists (price tiers) split into the same paths the diff wrote.
        private static SortedDictionary<string, Field> Flatten<T>(T record) where T : class =>
            new(FieldMap.Of(record, Nothing).Fields.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

        private static T Parse<T>(string? json) where T : class =>
            (json is null ? null : JsonSerializer.Deserialize<T>(json, StarmapJson.Options))
                ?? throw new StarmapException($"a removed {typeof(T).Name} in the change log has no value");

        private static string Kind(CatalogChange change) => change.Entity == ChangeEntity.Provider ? "provider" : "author";
    }
}
