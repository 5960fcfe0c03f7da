using System.Globalization;
using System.Text.Json.Nodes;

namespace Starmap.Sync;

/// <summary>What merging one record gave: its fields, the provenance of fields a source set, and warnings.</summary>
internal sealed record MergeOutcome(FieldMap Fields, IReadOnlyList<FieldProvenance> Provenance, IReadOnlyList<string> Warnings);

/// <summary>
/// Merges one record's flattened baseline with sources' statements, field by field, as the authority
/// table says. Starts from every baseline field (so nothing the baseline says is lost or reshaped)
/// and changes a field only when a rule lets a source's stated value win.
/// </summary>
internal sealed class FieldMerger(AuthorityTable table, AuthorityEntity entity)
{
    /// <summary>True when <paramref name="path"/> is an atomic subtree to keep whole while flattening.</summary>
    public bool IsUnit(string path) => table.AtomicAt(entity, path) is not null;

    public MergeOutcome Merge(
        string subject,
        FieldMap? baseline,
        IReadOnlyList<Candidate> candidates,
        IReadOnlyDictionary<string, FieldProvenance> provenance,
        IReadOnlySet<string> participating,
        DateTimeOffset now)
    {
        var fields = new SortedDictionary<string, Field>(StringComparer.Ordinal);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        if (baseline is not null)
        {
            foreach (var (path, field) in baseline.Fields)
            {
                fields[path] = field;
                paths.Add(path);
            }
        }
        foreach (var candidate in candidates)
        {
            paths.UnionWith(candidate.Fields.Fields.Keys);
        }
        return Merge(subject, baseline, candidates, provenance, participating, now, paths, fields);
    }

    /// <summary>
    /// What merging <paramref name="own"/> with candidates that all state exactly <paramref name="own"/> gives
    /// beyond its fields, which stay <paramref name="own"/>'s: the provenance they confirm and the warnings they
    /// raise. The same as <see cref="Merge(string, FieldMap?, IReadOnlyList{Candidate}, IReadOnlyDictionary{string, FieldProvenance}, IReadOnlySet{string}, DateTimeOffset)"/>
    /// with each candidate's fields set to <paramref name="own"/>, without building the merged fields again.
    /// </summary>
    public MergeOutcome Confirm(
        string subject,
        FieldMap own,
        IReadOnlyList<Candidate> candidates,
        IReadOnlyDictionary<string, FieldProvenance> provenance,
        IReadOnlySet<string> participating,
        DateTimeOffset now) =>
        Merge(subject, own, [.. candidates.Select(c => c with { Fields = own })], provenance, participating, now, own.Fields.Keys, fields: null);

    private MergeOutcome Merge(
        string subject,
        FieldMap? baseline,
        IReadOnlyList<Candidate> candidates,
        IReadOnlyDictionary<string, FieldProvenance> provenance,
        IReadOnlySet<string> participating,
        DateTimeOffset now,
        IEnumerable<string> paths,
        SortedDictionary<string, Field>? fields)
    {

        var taken = new List<FieldProvenance>();
        var warnings = new List<string>();
        foreach (var path in paths)
        {
            if (table.Find(entity, path) is not { } rule)
            {
                continue; // no rule: no source may set it
            }
            var current = baseline?[path];
            var ranked = Ranked(subject, path, rule, candidates, now, warnings);
            if (ranked.Count == 0)
            {
                continue;
            }
            var baseKnown = current is { } known && FieldValues.IsStated(known, rule.Empty);
            if (rule.Mode == MergeMode.Union && !rule.Atomic && ranked.All(c => c.Fields[path]!.Value.Value is JsonArray))
            {
                Union(path, current, ranked, fields, provenance, taken);
                continue;
            }
            if (rule.Mode == MergeMode.FillMissing && baseKnown)
            {
                continue;
            }
            var best = ranked[0];
            if (rule.Mode != MergeMode.FillMissing && baseKnown && OutranksAbsent(rule, best, Covering(provenance, path), participating))
            {
                continue;
            }
            var value = best.Fields[path]!.Value;
            fields?[path] = value;
            Record(path, current, value.Value, best, provenance, taken);
        }
        return new MergeOutcome(fields is null ? baseline! : FieldMap.From(fields), taken, warnings);
    }

    // Listed sources that state the field, highest priority first, then the canonical order.
    private static List<Candidate> Ranked(
        string subject, string path, AuthorityRule rule, IReadOnlyList<Candidate> candidates, DateTimeOffset now, List<string> warnings)
    {
        var ranked = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            if (rule.Rank(candidate.Source) < 0 || candidate.Fields[path] is not { } field || !FieldValues.IsStated(field, rule.Empty))
            {
                continue;
            }
            if (field.IsUnit && NotInEffect(field.Value, now) is { } why)
            {
                warnings.Add($"{subject}: {candidate.Source} {path} skipped: {why}");
                continue;
            }
            if (EnclosingWindow(candidate.Fields, path, now) is ({ } scope, { } outside))
            {
                warnings.Add($"{subject}: {candidate.Source} {scope} skipped: {outside}");
                continue;
            }
            ranked.Add(candidate);
        }
        return ranked.Count < 2 ? ranked : [.. ranked.OrderBy(c => rule.Rank(c.Source)).ThenBy(c => c.Order)];
    }

    // A value from a higher-ranked source that took no part in this sync stays: a models.dev-only run
    // must not overwrite what the provider said last time, or values would flip between runs.
    private static bool OutranksAbsent(AuthorityRule rule, Candidate best, FieldProvenance? old, IReadOnlySet<string> participating) =>
        old is not null && !participating.Contains(old.Source) && rule.Rank(old.Source) is >= 0 and var rank && rank < rule.Rank(best.Source);

    private static void Union(
        string path, Field? current, List<Candidate> ranked, SortedDictionary<string, Field>? fields,
        IReadOnlyDictionary<string, FieldProvenance> provenance, List<FieldProvenance> taken)
    {
        var items = current?.Value as JsonArray is { } existing ? existing.ToList() : [];
        Candidate? first = null;
        foreach (var candidate in ranked)
        {
            foreach (var item in (JsonArray)candidate.Fields[path]!.Value.Value)
            {
                if (!items.Any(i => FieldValues.Equal(i, item)))
                {
                    items.Add(item);
                    first ??= candidate;
                }
            }
        }
        if (first is null)
        {
            return;
        }
        var union = new JsonArray([.. items.Select(i => i?.DeepClone())]);
        var type = current?.Type ?? first.Fields[path]!.Value.Type;
        fields?[path] = new Field(union, type, IsUnit: false);
        Record(path, current, union, first, provenance, taken);
    }

    // Provenance changes when the value or its source does; a value confirmed by the source it came from
    // keeps its record, so an unchanged catalog reconciles to identical records.
    private static void Record(
        string path, Field? current, JsonNode value, Candidate from, IReadOnlyDictionary<string, FieldProvenance> provenance, List<FieldProvenance> taken)
    {
        var same = current is { } old && FieldValues.Equal(old.Value, value);
        if (same && Covering(provenance, path) is { } previous && string.Equals(previous.Source, from.Source, StringComparison.Ordinal))
        {
            return;
        }
        taken.Add(new FieldProvenance { Path = path, Source = from.Source, ObservedAt = from.ObservedAt });
    }

    // A field inside an object with effective dates (pricing.tokens.input inside pricing) is a candidate
    // only while the dates its source gave cover "now": a price list not yet (or no longer) in effect
    // lends none of its prices. Returns the object's path and why, or nulls when in effect.
    private static (string? Scope, string? Why) EnclosingWindow(FieldMap fields, string path, DateTimeOffset now)
    {
        if (!fields.HasWindows)
        {
            return (null, null); // no window anywhere: nothing to look up for each enclosing object
        }
        for (var end = path.LastIndexOf('.'); end > 0; end = path.LastIndexOf('.', end - 1))
        {
            var scope = path[..end];
            var from = fields[scope + ".effective_from"];
            var until = fields[scope + ".effective_until"];
            if (from is null && until is null)
            {
                continue;
            }
            var window = new JsonObject { ["effective_from"] = from?.Value.DeepClone(), ["effective_until"] = until?.Value.DeepClone() };
            if (NotInEffect(window, now) is { } why)
            {
                return (scope, why);
            }
        }
        return (null, null);
    }

    // The record for a field: its own, else the closest enclosing one. A record written when a subtree was
    // merged whole (an older "pricing" entry) still speaks for each field below it that has none of its own,
    // so fields now merged one by one keep their source and an unchanged catalog keeps identical records.
    private static FieldProvenance? Covering(IReadOnlyDictionary<string, FieldProvenance> provenance, string path)
    {
        if (provenance.Count == 0)
        {
            return null;
        }
        if (provenance.TryGetValue(path, out var own))
        {
            return own;
        }
        for (var end = path.Length - 1; end > 0; end--)
        {
            if (path[end] is '.' or '[' && provenance.TryGetValue(path[..end], out var enclosing))
            {
                return enclosing;
            }
        }
        return null;
    }

    // An atomic subtree with effective dates is a candidate only while they cover "now".
    private static string? NotInEffect(JsonNode value, DateTimeOffset now)
    {
        if (value is not JsonObject node)
        {
            return null;
        }
        if (Date(node["effective_from"]) is { } from && from > now)
        {
            return $"effective_from {from:O} is after {now:O}";
        }
        if (Date(node["effective_until"]) is { } until && until <= now)
        {
            return $"effective_until {until:O} has passed";
        }
        return null;
    }

    private static DateTimeOffset? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : null;
}
