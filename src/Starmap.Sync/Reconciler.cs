using System.Collections.Frozen;
using System.Text.Json;
using Starmap.Catalog;
using Starmap.Catalog.Json;
using Starmap.Catalog.Validation;

namespace Starmap.Sync;

/// <summary>
/// Merges what sources observed about one provider into its catalog state, field by field as an
/// <see cref="AuthorityTable"/> says. Pure: inputs are only read, the result is new records, and the
/// same inputs give the same result whatever the order of the observations.
/// </summary>
/// <remarks>
/// <para>Fields: each offering and observed definition is flattened to snake_case JSON paths and merged
/// path by path as the table's rule says (see <c>docs/authority-table.md</c>). Unknown never overwrites
/// known; a listed source's <c>false</c> or <c>0</c> is a value; a source not listed for a field never sets
/// it. Among statements of equal priority the newest observation wins, then a canonical order of the
/// statements' JSON, so the input order never matters. A top-level property that every statement repeats
/// exactly as the baseline holds it is not flattened: its value is the baseline's, and it is merged on the
/// baseline's own fields only for the provenance and warnings it gives (<see cref="UnchangedProperties"/>).</para>
/// <para>Membership: when an observation holds the provider's complete list, it decides which models
/// exist. A baseline model missing from it is kept and marked unavailable (and retired once its
/// retires_at has passed), never deleted; a model only other sources list is not added (one warning per
/// source). A model the complete list names is available unless that source says otherwise. Without a
/// complete list, every model a source lists is added or updated and absent ones are left alone.</para>
/// <para>Definitions: an observed definition with a valid <c>author/slug</c> ID is created when unknown
/// and merged into the known one otherwise (the default table only fills). It also proposes the
/// offering's <c>definition_id</c> when the offering has none.</para>
/// <para>Lifecycle: the status only moves forward (preview, beta or active, then deprecated, then
/// retired); a source that names an earlier stage than the baseline's is ignored for the status, so a
/// retired model stays retired. Moving back is an edit.</para>
/// <para>Bookkeeping: provider_id, model_id, created_at, updated_at and provenance are not merged.
/// Times follow <see cref="RecordTimestamps"/>: CreatedAt is kept (now for new offerings); UpdatedAt becomes
/// now only when content changed.
/// Provenance records the source of every value a source set in this run; a value confirmed by the
/// source it already came from keeps its record, so reconciling an unchanged catalog gives identical records.</para>
/// </remarks>
public static class Reconciler
{
    private static readonly FrozenSet<string> OfferingBookkeeping =
        FrozenSet.ToFrozenSet(["provider_id", "model_id", "created_at", "updated_at", "provenance", "quarantine"], StringComparer.Ordinal);

    // Quarantine notes are not merged like fields: QuarantineCarry decides which stay.
    private static readonly FrozenSet<string> DefinitionBookkeeping = FrozenSet.ToFrozenSet(["id", "quarantine"], StringComparer.Ordinal);

    /// <summary>Reconciles <paramref name="baseline"/> with <paramref name="observations"/> at <paramref name="now"/>.</summary>
    public static ReconcileResult Reconcile(
        ProviderDetails? baseline,
        IReadOnlyCollection<ModelDefinition> knownDefinitions,
        IReadOnlyList<SourceObservation> observations,
        AuthorityTable table,
        DateTimeOffset now) =>
        Reconcile(baseline, knownDefinitions, observations, table, now, typed: true);

    /// <summary>
    /// The reconcile with every record merged whole as JSON fields: the reference the typed merge
    /// (<see cref="UnchangedProperties"/>) must agree with.
    /// </summary>
    internal static ReconcileResult ReconcileByJson(
        ProviderDetails? baseline,
        IReadOnlyCollection<ModelDefinition> knownDefinitions,
        IReadOnlyList<SourceObservation> observations,
        AuthorityTable table,
        DateTimeOffset now) =>
        Reconcile(baseline, knownDefinitions, observations, table, now, typed: false);

    private static ReconcileResult Reconcile(
        ProviderDetails? baseline,
        IReadOnlyCollection<ModelDefinition> knownDefinitions,
        IReadOnlyList<SourceObservation> observations,
        AuthorityTable table,
        DateTimeOffset now,
        bool typed)
    {
        ArgumentNullException.ThrowIfNull(knownDefinitions);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(table);

        var providerId = baseline?.Provider.Id ?? observations.Select(o => o.ProviderId).Order(StringComparer.Ordinal).FirstOrDefault();
        if (providerId is null)
        {
            return new ReconcileResult();
        }
        var warnings = new List<string>();
        var usable = new List<SourceObservation>();
        foreach (var observation in observations)
        {
            if (string.Equals(observation.ProviderId, providerId, StringComparison.Ordinal))
            {
                usable.Add(observation);
            }
            else
            {
                warnings.Add($"{providerId}: ignored a {observation.Source} observation of provider '{observation.ProviderId}'");
            }
        }

        var offerings = new FieldMerger(table, AuthorityEntity.Offering);
        var statements = Statements(usable);
        var complete = usable.Where(o => o.IsCompleteList)
            .OrderBy(o => o.Source, StringComparer.Ordinal).ThenByDescending(o => o.ObservedAt).ToList();
        var listed = complete.SelectMany(o => o.Models).Select(m => m.ModelId).ToHashSet(StringComparer.Ordinal);
        var before = (baseline?.Offerings ?? []).DistinctBy(o => o.ModelId, StringComparer.Ordinal)
            .ToDictionary(o => o.ModelId, StringComparer.Ordinal);

        if (complete.Count > 0)
        {
            foreach (var group in statements.Where(s => !listed.Contains(s.Model.ModelId)).GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var count = group.Select(s => s.Model.ModelId).Distinct(StringComparer.Ordinal).Count();
                warnings.Add($"{providerId}: {group.Key} listed {count} model(s) not in the complete list from {complete[0].Source}; not added");
            }
        }

        var participating = usable.Select(o => o.Source).ToFrozenSet(StringComparer.Ordinal);
        var byModel = statements
            .Where(s => complete.Count == 0 || listed.Contains(s.Model.ModelId))
            .GroupBy(s => s.Model.ModelId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ids = before.Keys.Concat(byModel.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        var result = new List<Offering>();
        foreach (var id in ids)
        {
            var old = before.GetValueOrDefault(id);
            if (byModel.TryGetValue(id, out var said))
            {
                result.Add(MergeOffering(providerId, id, old, said, offerings, participating, now, warnings, typed));
            }
            else if (complete.Count > 0)
            {
                result.Add(MarkGone(old!, complete[0], now));
            }
            else
            {
                result.Add(old!);
            }
        }

        var definitions = Definitions(knownDefinitions, byModel.Values.SelectMany(s => s), table, participating, now, warnings, typed);
        return new ReconcileResult
        {
            Offerings = [.. result],
            Definitions = [.. definitions],
            Warnings = [.. warnings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    // One source's statement about one model; Order is its place in a canonical sort of all statements.
    private sealed record Statement(string Source, DateTimeOffset ObservedAt, bool Complete, ObservedModel Model, int Order);

    private static List<Statement> Statements(List<SourceObservation> observations)
    {
        var all = observations
            .SelectMany(o => o.Models.Select(m => (Observation: o, Model: m, Json: new LazyJson(m))))
            .OrderBy(s => s.Observation.Source, StringComparer.Ordinal)
            .ThenByDescending(s => s.Observation.ObservedAt)
            .ThenBy(s => s.Model.ModelId, StringComparer.Ordinal)
            .ThenBy(s => s.Observation.IsCompleteList)
            .ThenBy(s => s.Json, LazyJson.Order)
            .ToList();
        return [.. all.Select((s, i) => new Statement(s.Observation.Source, s.Observation.ObservedAt, s.Observation.IsCompleteList, s.Model, i))];
    }

    // The last tie-break, a statement's JSON, is only written when the keys before it tie (one source
    // listing a model twice at one time): serializing every statement was a large part of a sync's CPU.
    private sealed class LazyJson(ObservedModel model)
    {
        public static IComparer<LazyJson> Order { get; } = Comparer<LazyJson>.Create((x, y) => string.CompareOrdinal(x.Text, y.Text));

        private string? _text;

        private string Text => _text ??= StarmapJson.Serialize(model);
    }

    private static Offering MergeOffering(
        string providerId, string modelId, Offering? old, List<Statement> said, FieldMerger merger,
        IReadOnlySet<string> participating, DateTimeOffset now, List<string> warnings, bool typed)
    {
        var implied = said.Select(Implied).ToList();
        // Properties every statement repeats as the baseline holds them build no JSON (UnchangedProperties). An old
        // quarantine note needs the whole merged JSON to tell whether its field has a value: merged whole then.
        var same = typed && old is { Quarantine.IsEmpty: true } ? UnchangedProperties.Of(old, implied, OfferingBookkeeping) : [];
        IReadOnlySet<string> excluded = same.Count == 0 ? OfferingBookkeeping : new HashSet<string>(OfferingBookkeeping.Concat(same), StringComparer.Ordinal);
        var candidates = said.Select((s, i) => new Candidate(s.Source, s.ObservedAt, s.Order, FieldMap.Of(implied[i], excluded, merger.IsUnit))).ToList();
        var baseline = old is null ? null : FieldMap.Of(old, excluded, merger.IsUnit);
        var provenance = (old?.Provenance ?? []).DistinctBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(p => p.Path, StringComparer.Ordinal);
        var subject = $"{providerId}/{modelId}";
        var outcome = merger.Merge(subject, baseline, candidates, provenance, participating, now);
        warnings.AddRange(outcome.Warnings);
        IEnumerable<FieldProvenance> taken = outcome.Provenance;
        if (same.Count > 0)
        {
            var unchanged = Unchanged(subject, old!, same, candidates, merger, provenance, participating, now);
            warnings.AddRange(unchanged.Warnings);
            taken = taken.Concat(unchanged.Provenance);
        }

        var json = outcome.Fields.ToJson();
        json["provider_id"] = providerId;
        json["model_id"] = modelId;
        var merged = same.Count == 0
            ? json.Deserialize<Offering>(StarmapJson.Options)!
            : UnchangedProperties.Restore(json.Deserialize<Offering>(StarmapJson.Options)!, old!, same);
        (merged, var restored) = LifecycleStages.KeepForward(old, merged);
        foreach (var entry in taken.Where(p => !string.Equals(p.Path, restored, StringComparison.Ordinal)))
        {
            provenance[entry.Path] = entry;
        }
        var quarantine = QuarantineCarry.Carry(old?.Quarantine ?? [], said.SelectMany(s => s.Model.Offering.Quarantine),
            participating, path => QuarantineCarry.HasValue(json, path));
        var changed = old is null || !Differ.Compare(old, merged).IsEmpty;
        var result = merged with
        {
            Quarantine = quarantine,
            Provenance = [.. provenance.Values.OrderBy(p => p.Path, StringComparer.Ordinal)],
        };
        return RecordTimestamps.Stamp(old, result, now, changed);
    }

    // The unchanged properties merged on the baseline's own fields, which every candidate repeats: their values stay
    // the baseline's, and only the provenance they confirm and the warnings they raise come out of the merge.
    private static MergeOutcome Unchanged<T>(
        string subject, T old, IReadOnlySet<string> same, List<Candidate> candidates, FieldMerger merger,
        IReadOnlyDictionary<string, FieldProvenance> provenance, IReadOnlySet<string> participating, DateTimeOffset now) where T : class
    {
        var own = FieldMap.Of(old, UnchangedProperties.AllBut<T>(same), merger.IsUnit);
        return merger.Confirm(subject, own, candidates, provenance, participating, now);
    }

    // What a statement implies beyond its fields: a complete list's model is available unless it says
    // otherwise, and an observed definition proposes the offering's link.
    private static Offering Implied(Statement statement)
    {
        var offering = statement.Model.Offering;
        if (statement.Complete && offering.Availability == Availability.Unknown)
        {
            offering = offering with { Availability = Availability.Available };
        }
        if (offering.DefinitionId is null && statement.Model.Definition is { } definition && IdRules.DefinitionIdProblem(definition.Id) is null)
        {
            offering = offering with { DefinitionId = definition.Id };
        }
        return offering;
    }

    // Gone from the complete list: kept, unavailable, retired once its retirement date has come.
    private static Offering MarkGone(Offering old, SourceObservation list, DateTimeOffset now)
    {
        var changes = new List<string>();
        var gone = old;
        if (old.Availability != Availability.Unavailable)
        {
            gone = gone with { Availability = Availability.Unavailable };
            changes.Add("availability");
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (old.Lifecycle is { RetiresAt: { } retires } lifecycle && retires <= today && lifecycle.Status != LifecycleStatus.Retired)
        {
            gone = gone with { Lifecycle = lifecycle with { Status = LifecycleStatus.Retired } };
            changes.Add("lifecycle.status");
        }
        if (changes.Count == 0)
        {
            return old;
        }
        var provenance = old.Provenance.Where(p => !changes.Contains(p.Path))
            .Concat(changes.Select(path => new FieldProvenance { Path = path, Source = list.Source, ObservedAt = list.ObservedAt }))
            .OrderBy(p => p.Path, StringComparer.Ordinal);
        return RecordTimestamps.Stamp(old, gone with { Provenance = [.. provenance] }, now, changed: true);
    }

    private static List<ModelDefinition> Definitions(
        IReadOnlyCollection<ModelDefinition> known, IEnumerable<Statement> statements, AuthorityTable table,
        IReadOnlySet<string> participating, DateTimeOffset now, List<string> warnings, bool typed)
    {
        var merger = new FieldMerger(table, AuthorityEntity.Definition);
        var observed = new SortedDictionary<string, List<(Statement Statement, ModelDefinition Definition)>>(StringComparer.Ordinal);
        foreach (var statement in statements.OrderBy(s => s.Order))
        {
            if (statement.Model.Definition is not { } definition)
            {
                continue;
            }
            if (IdRules.DefinitionIdProblem(definition.Id) is { } problem)
            {
                warnings.Add($"{statement.Source}: definition '{definition.Id}' of model '{statement.Model.ModelId}' ignored: ID {problem}");
                continue;
            }
            if (!observed.TryGetValue(definition.Id, out var list))
            {
                observed[definition.Id] = list = [];
            }
            list.Add((statement, definition));
        }

        // The known definitions of the observed IDs only (the first of each ID): a caller may pass the catalog's every
        // definition, and indexing them all per provider cost more than the merges.
        var observedIds = new HashSet<string>(observed.Keys, StringComparer.Ordinal);
        var byId = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var definition in known)
        {
            if (observedIds.Contains(definition.Id))
            {
                byId.TryAdd(definition.Id, definition);
            }
        }

        var written = new List<ModelDefinition>();
        var none = new Dictionary<string, FieldProvenance>();
        var nobody = new HashSet<string>();
        foreach (var (id, said) in observed)
        {
            var old = byId.GetValueOrDefault(id);
            var refused = said.SelectMany(s => s.Definition.Quarantine).ToList();
            // As for offerings (UnchangedProperties); quarantine notes, old or new, need the whole merged JSON.
            var same = typed && refused.Count == 0 && old is { Quarantine.IsEmpty: true }
                ? UnchangedProperties.Of(old, [.. said.Select(s => s.Definition)], DefinitionBookkeeping)
                : [];
            IReadOnlySet<string> excluded = same.Count == 0 ? DefinitionBookkeeping : new HashSet<string>(DefinitionBookkeeping.Concat(same), StringComparer.Ordinal);
            var candidates = said.Select(s => new Candidate(s.Statement.Source, s.Statement.ObservedAt, s.Statement.Order, Fields(s.Definition, excluded, merger))).ToList();
            var baseline = old is null ? null : FieldMap.Of(old, excluded, merger.IsUnit);
            var outcome = merger.Merge(id, baseline, candidates, none, nobody, now);
            warnings.AddRange(outcome.Warnings);
            // Definitions keep no provenance: the unchanged properties are merged only when a price window could warn.
            if (same.Count > 0 && UnchangedProperties.MayWarn<ModelDefinition>(same))
            {
                warnings.AddRange(Unchanged(id, old!, same, candidates, merger, none, nobody, now).Warnings);
            }
            var json = outcome.Fields.ToJson();
            json["id"] = id;
            if (json["name"] is null)
            {
                json["name"] = id; // a definition needs a name; no source gave one
            }
            var merged = json.Deserialize<ModelDefinition>(StarmapJson.Options)!;
            if (same.Count > 0)
            {
                merged = UnchangedProperties.Restore(merged, old!, same);
            }
            // A name equal to the ID is the stand-in, not a value: a note on the name stays until a real one comes.
            merged = merged with
            {
                Quarantine = QuarantineCarry.Carry(old?.Quarantine ?? [], refused, participating,
                    path => path == "name" ? merged.Name != id : QuarantineCarry.HasValue(json, path)),
            };
            if (old is null || !Differ.Compare(old, merged).IsEmpty || old.Quarantine != merged.Quarantine)
            {
                written.Add(merged);
            }
        }
        return written;
    }

    // A refused field says nothing: a stand-in (the ID for a refused name) must not outrank a real value.
    private static FieldMap Fields(ModelDefinition definition, IReadOnlySet<string> excluded, FieldMerger merger)
    {
        var fields = FieldMap.Of(definition, excluded, merger.IsUnit);
        return definition.Quarantine.IsEmpty
            ? fields
            : FieldMap.From(fields.Fields.Where(f => !definition.Quarantine.Any(n => QuarantinePaths.IsWithin(f.Key, n.Path))));
    }
}
