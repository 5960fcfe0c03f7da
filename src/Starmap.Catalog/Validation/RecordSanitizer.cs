using System.Text.Json;
using System.Text.Json.Nodes;
using Starmap.Catalog.Json;

namespace Starmap.Catalog.Validation;

/// <summary>
/// Makes records from a source (a sync, an imported file) storable without losing the rest of them:
/// a field <see cref="CatalogValidator"/> refuses is left unknown and a <see cref="QuarantineNote"/>
/// (path, value, reason, source, time) is added to the record, so one bad value never rejects its
/// record and one bad record never rejects its provider. Only a record with no usable ID is skipped.
/// </summary>
/// <remarks>
/// The validator's own errors drive it (field, value, reason), so the rules live in one place: validate,
/// clear the field the error names, validate again. Only the field named is cleared (one price component,
/// not the prices; the output limit, not the limits), except where the field cannot stand alone: a bad
/// currency clears the prices it qualifies, a bad tier threshold clears its tier, a definition's refused
/// name falls back to its ID. Writes users make (Set-*, PATCH) are not sanitized: they stay errors.
/// </remarks>
public static class RecordSanitizer
{
    /// <summary>The source named in notes of records read from a file or an import request.</summary>
    public const string ImportSource = "import";

    // A record cannot have more refusable fields than this; more means clearing is not converging.
    private const int MaxRefusals = 64;

    private const string OfferingRoot = "offering";
    private const string DefinitionRoot = "definition";

    /// <summary>
    /// <paramref name="offering"/> with each refused field unknown and noted as from
    /// <paramref name="source"/>; skipped when its model ID (or provider ID) is not usable, or is not
    /// <paramref name="providerId"/> when given.
    /// </summary>
    public static Sanitized<Offering> Sanitize(Offering offering, string source, DateTimeOffset? observedAt, string? providerId = null)
    {
        ArgumentNullException.ThrowIfNull(offering);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return SanitizeOffering(offering, providerId, _ => (source, observedAt));
    }

    /// <summary>
    /// A reconciled offering made storable: a refused field (an output limit from one source above the
    /// context window from another) is noted as from the source its provenance names, or
    /// <paramref name="fallbackSource"/> when none does. A refusal <paramref name="before"/> already
    /// noted keeps that note, so syncing unchanged data changes nothing.
    /// </summary>
    public static Sanitized<Offering> SanitizeReconciled(Offering offering, Offering? before, string fallbackSource, DateTimeOffset observedAt)
    {
        ArgumentNullException.ThrowIfNull(offering);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackSource);
        var result = SanitizeOffering(offering, offering.ProviderId, path =>
            ProvenanceOf(offering.Provenance, path) is { } entry ? (entry.Source, entry.ObservedAt) : (fallbackSource, observedAt));
        if (result.Record is not { } record || before is null || result.Added.IsEmpty)
        {
            return result;
        }
        QuarantineNote Earliest(QuarantineNote note) => before.Quarantine.FirstOrDefault(b => SameRefusal(b, note)) ?? note;
        return result with
        {
            Record = record with { Quarantine = [.. record.Quarantine.Select(Earliest)] },
            Added = [.. result.Added.Select(Earliest)],
        };
    }

    /// <summary>
    /// <paramref name="definition"/> with each refused field unknown and noted; a refused name falls back
    /// to the ID. Skipped when its ID is not a usable <c>author/slug</c> (of <paramref name="authorId"/> when given).
    /// </summary>
    public static Sanitized<ModelDefinition> Sanitize(ModelDefinition definition, string source, DateTimeOffset? observedAt, string? authorId = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (IdRules.DefinitionIdProblem(definition.Id) is { } problem)
        {
            return Skip<ModelDefinition>($"definition '{Printable(definition.Id)}' has no usable ID: id {problem}");
        }
        if (authorId is not null && !string.Equals(definition.AuthorId, authorId, StringComparison.Ordinal))
        {
            return Skip<ModelDefinition>($"definition '{Printable(definition.Id)}' does not belong to author '{authorId}'");
        }
        return Clean(definition, d => CatalogValidator.Validate(d, authorId, DefinitionRoot), DefinitionRoot, _ => (source, observedAt),
            (json, path) => path switch
            {
                // A definition needs a name: the ID stands in, as it does when no source gives one.
                "name" => Replace(json, "name", definition.Id),
                _ => Remove(json, path),
            },
            d => d.Quarantine, (d, notes) => d with { Quarantine = notes }, d => d);
    }

    /// <summary>
    /// Every model of <paramref name="observation"/> sanitized as from its source: refused fields noted on
    /// the records; a model with no usable ID left out and reported in <paramref name="warnings"/> by its
    /// raw ID (escaped); a definition that cannot be kept dropped with a warning, its offering kept.
    /// Notes the source attached while parsing get the observation's time.
    /// </summary>
    public static SourceObservation Sanitize(SourceObservation observation, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(warnings);
        var source = observation.Source;
        var at = observation.ObservedAt;
        var models = new List<ObservedModel>(observation.Models.Count);
        var changed = false;
        foreach (var model in observation.Models)
        {
            if (IdRules.ModelIdProblem(model.ModelId) is { } problem)
            {
                warnings.Add($"{source}: skipped a model of '{observation.ProviderId}' with no usable ID '{Printable(model.ModelId)}': model_id {problem}");
                changed = true;
                continue;
            }
            var offering = Stamped(model.Offering with { ModelId = model.ModelId }, at);
            var kept = Sanitize(offering, source, at, observation.ProviderId);
            if (kept.Record is null)
            {
                warnings.Add($"{source}: skipped model '{Printable(model.ModelId)}' of '{observation.ProviderId}': {kept.Skipped}");
                changed = true;
                continue;
            }
            var definition = model.Definition;
            if (definition is not null)
            {
                var clean = Sanitize(Stamped(definition, at), source, at);
                if (clean.Record is null)
                {
                    warnings.Add($"{source}: model '{Printable(model.ModelId)}' of '{observation.ProviderId}' kept without its definition: {clean.Skipped}");
                }
                definition = clean.Record;
            }
            var next = model with { Offering = kept.Record, Definition = definition };
            changed |= next != model;
            models.Add(next);
        }
        return changed ? observation with { Models = [.. models] } : observation;
    }

    /// <summary>
    /// Imported content sanitized as from <paramref name="source"/>: offerings and definitions keep their
    /// valid fields and note the refused ones; those with no usable ID are left out and reported in
    /// <paramref name="warnings"/>. Provider and author records are not changed (they are checked as they are).
    /// </summary>
    public static CatalogContent Sanitize(CatalogContent content, string source, DateTimeOffset? observedAt, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(warnings);
        var providers = content.Providers.Select(p => p with
        {
            Offerings = Kept(p.Offerings, o => Sanitize(o, source, observedAt, p.Provider.Id), $"{source}: skipped an offering of '{Printable(p.Provider.Id)}'", warnings),
        });
        var authors = content.Authors.Select(a => a with
        {
            Definitions = Kept(a.Definitions, d => Sanitize(d, source, observedAt, a.Author.Id), $"{source}: skipped a definition of '{Printable(a.Author.Id)}'", warnings),
        });
        return content with { Providers = [.. providers], Authors = [.. authors] };
    }

    /// <summary>The records that could be kept; each one left out is reported after <paramref name="skipped"/>.</summary>
    private static EquatableArray<T> Kept<T>(EquatableArray<T> records, Func<T, Sanitized<T>> sanitize, string skipped, ICollection<string> warnings)
        where T : class
    {
        var kept = new List<T>(records.Count);
        foreach (var record in records)
        {
            var result = sanitize(record);
            if (result.Record is null)
            {
                warnings.Add($"{skipped}: {result.Skipped}");
            }
            else
            {
                kept.Add(result.Record);
            }
        }
        return [.. kept];
    }

    /// <summary>
    /// Merged offerings made storable: merging can make a record no single source sent (an output limit from one
    /// above another's context window), so such a field is left unknown and noted like a refused source value.
    /// A record that still cannot be kept (no usable ID) is left as it is: the write refuses it and says why.
    /// The sync and the seed generator both use it.
    /// </summary>
    public static EquatableArray<Offering> Storable(ProviderDetails baseline, EquatableArray<Offering> offerings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var before = baseline.Offerings.DistinctBy(o => o.ModelId, StringComparer.Ordinal).ToDictionary(o => o.ModelId, StringComparer.Ordinal);
        return offerings.Select(o => SanitizeReconciled(o, before.GetValueOrDefault(o.ModelId), SourceIds.Baseline, now).Record ?? o)
            .ToEquatableArray();
    }

    /// <summary>The same field refused from the same source for the same value and reason (the time aside).</summary>
    public static bool SameRefusal(QuarantineNote a, QuarantineNote b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Path == b.Path && a.Source == b.Source && a.Value == b.Value && a.Reason == b.Reason;
    }

    /// <summary>A note with its value made printable (control characters escaped, long values shortened).</summary>
    public static QuarantineNote Note(string path, string? value, string reason, string source, DateTimeOffset? observedAt) => new()
    {
        Path = path,
        Value = value is null ? null : Printable(value),
        Reason = reason,
        Source = source,
        ObservedAt = observedAt,
    };

    /// <summary>
    /// <paramref name="notes"/> with <paramref name="added"/>: one note per path and source (an added
    /// note replaces the one it repeats), sorted by path then source.
    /// </summary>
    public static EquatableArray<QuarantineNote> Merge(EquatableArray<QuarantineNote> notes, IEnumerable<QuarantineNote> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var byKey = new Dictionary<(string, string), QuarantineNote>();
        foreach (var note in notes.Concat(added))
        {
            byKey[(note.Path, note.Source)] = note;
        }
        return [.. byKey.Values.OrderBy(n => n.Path, StringComparer.Ordinal).ThenBy(n => n.Source, StringComparer.Ordinal)];
    }

    private static Sanitized<Offering> SanitizeOffering(Offering offering, string? providerId, Func<string, (string Source, DateTimeOffset? At)> origin)
    {
        if (IdRules.ModelIdProblem(offering.ModelId) is { } modelProblem)
        {
            return Skip<Offering>($"offering '{Printable(offering.ModelId ?? "")}' has no usable ID: model_id {modelProblem}");
        }
        if (IdRules.EntityIdProblem(offering.ProviderId) is { } providerProblem)
        {
            return Skip<Offering>($"offering '{Printable(offering.ModelId)}' has no usable provider: provider_id {providerProblem}");
        }
        if (providerId is not null && !string.Equals(offering.ProviderId, providerId, StringComparison.Ordinal))
        {
            return Skip<Offering>($"offering '{Printable(offering.ModelId)}' names provider '{Printable(offering.ProviderId)}', not '{providerId}'");
        }
        var cleared = new List<string>();
        var result = Clean(offering, o => CatalogValidator.Validate(o, providerId, OfferingRoot), OfferingRoot, origin,
            (json, path) =>
            {
                var unit = OfferingUnit(path);
                cleared.Add(unit);
                return Remove(json, unit);
            },
            o => o.Quarantine, (o, notes) => o with { Quarantine = notes },
            // A cleared value no longer comes from anywhere.
            o => o with { Provenance = [.. o.Provenance.Where(p => !cleared.Any(c => QuarantinePaths.IsWithin(p.Path, c)))] });
        return result;
    }

    // Fields that cannot stand alone go with what they qualify.
    private static string OfferingUnit(string path)
    {
        if (path == "pricing.currency")
        {
            return "pricing"; // prices in an unknown currency are not prices
        }
        if (path.StartsWith("pricing.tiers[", StringComparison.Ordinal) && path.EndsWith("].context_threshold", StringComparison.Ordinal))
        {
            return path[..^".context_threshold".Length]; // a tier is its threshold
        }
        return path;
    }

    private static Sanitized<T> Clean<T>(
        T record, Action<T> validate, string root, Func<string, (string Source, DateTimeOffset? At)> origin,
        Func<JsonObject, string, bool> clear, Func<T, EquatableArray<QuarantineNote>> quarantineOf,
        Func<T, EquatableArray<QuarantineNote>, T> withQuarantine, Func<T, T> finish)
        where T : class
    {
        // Most records are valid: they are returned as they are, without a JSON round trip.
        if (Refusal(record, validate) is not { } error)
        {
            return new Sanitized<T> { Record = record };
        }
        var json = JsonSerializer.SerializeToNode(record, StarmapJson.Options) as JsonObject
            ?? throw new InvalidOperationException($"a {typeof(T).Name} must serialize to a JSON object");
        var notes = new List<QuarantineNote>();
        var current = record;
        for (var attempt = 0; error is not null; attempt++)
        {
            var path = Relative(error.Field, root);
            if (attempt >= MaxRefusals || path is null || IsIdentity(path))
            {
                return Skip<T>($"'{error.Field}' {error.Reason}; the record cannot be kept without it");
            }
            var (source, at) = origin(path);
            notes.Add(Note(path, error.Value, error.Reason, source, at));
            if (!ClearUp(json, path, clear))
            {
                return Skip<T>($"'{error.Field}' {error.Reason}; the field could not be cleared");
            }
            try
            {
                current = json.Deserialize<T>(StarmapJson.Options)!;
            }
            catch (JsonException ex)
            {
                return Skip<T>($"'{error.Field}' {error.Reason}; clearing it left an unreadable record ({ex.Message})");
            }
            error = Refusal(current, validate);
        }
        var added = Merge([], notes);
        return new Sanitized<T> { Record = finish(withQuarantine(current, Merge(quarantineOf(current), added))), Added = added };
    }

    // Clears the field, or the closest enclosing one when the field itself is not in the JSON.
    private static bool ClearUp(JsonObject json, string path, Func<JsonObject, string, bool> clear)
    {
        for (var target = path; target is not null; target = QuarantinePaths.Parent(target))
        {
            if (clear(json, target))
            {
                return true;
            }
        }
        return false;
    }

    private static StarmapValidationException? Refusal<T>(T record, Action<T> validate)
    {
        try
        {
            validate(record);
            return null;
        }
        catch (StarmapValidationException ex)
        {
            return ex;
        }
    }

    private static bool IsIdentity(string path) => path is "id" or "model_id" or "provider_id";

    private static string? Relative(string field, string root) =>
        field.StartsWith(root + ".", StringComparison.Ordinal) ? field[(root.Length + 1)..] : null;

    private static bool Remove(JsonObject json, string path) => QuarantinePaths.Remove(json, path);

    private static bool Replace(JsonObject json, string name, string value)
    {
        json[name] = value;
        return true;
    }

    private static Offering Stamped(Offering offering, DateTimeOffset at) =>
        offering.Quarantine.Any(n => n.ObservedAt is null)
            ? offering with { Quarantine = [.. offering.Quarantine.Select(n => n.ObservedAt is null ? n with { ObservedAt = at } : n)] }
            : offering;

    private static ModelDefinition Stamped(ModelDefinition definition, DateTimeOffset at) =>
        definition.Quarantine.Any(n => n.ObservedAt is null)
            ? definition with { Quarantine = [.. definition.Quarantine.Select(n => n.ObservedAt is null ? n with { ObservedAt = at } : n)] }
            : definition;

    private static FieldProvenance? ProvenanceOf(EquatableArray<FieldProvenance> provenance, string path) =>
        provenance.Where(p => QuarantinePaths.IsWithin(path, p.Path)).MaxBy(p => p.Path.Length);

    private static Sanitized<T> Skip<T>(string reason) where T : class => new() { Skipped = reason };

    private static string Printable(string value) => StarmapValidationException.Printable(value);
}
