using Starmap.Catalog.Validation;

namespace Starmap.Sync;

/// <summary>
/// Quarantine notes a change adds and drops, per offering and definition. A note counts as the same
/// when its field, source, value and reason are (its time aside), so seeing a refusal again is no change.
/// </summary>
internal static class QuarantineDiff
{
    public static (EquatableArray<QuarantinedField> Added, EquatableArray<QuarantinedField> Dropped) Of(
        string providerId,
        IReadOnlyDictionary<string, Offering> offeringsBefore,
        IReadOnlyDictionary<string, Offering> offeringsAfter,
        IReadOnlyDictionary<string, ModelDefinition> definitionsBefore,
        IEnumerable<ModelDefinition> definitionsAfter)
    {
        var added = new List<QuarantinedField>();
        var dropped = new List<QuarantinedField>();
        foreach (var id in offeringsBefore.Keys.Union(offeringsAfter.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = offeringsBefore.GetValueOrDefault(id)?.Quarantine ?? [];
            var @is = offeringsAfter.GetValueOrDefault(id)?.Quarantine ?? [];
            added.AddRange(Missing(@is, was).Select(n => QuarantinedField.OfOffering(providerId, id, n)));
            dropped.AddRange(Missing(was, @is).Select(n => QuarantinedField.OfOffering(providerId, id, n)));
        }
        foreach (var definition in definitionsAfter.DistinctBy(d => d.Id, StringComparer.Ordinal).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var was = definitionsBefore.GetValueOrDefault(definition.Id)?.Quarantine ?? [];
            added.AddRange(Missing(definition.Quarantine, was).Select(n => QuarantinedField.OfDefinition(definition.Id, n)));
            dropped.AddRange(Missing(was, definition.Quarantine).Select(n => QuarantinedField.OfDefinition(definition.Id, n)));
        }
        return ([.. added], [.. dropped]);
    }

    private static IEnumerable<QuarantineNote> Missing(EquatableArray<QuarantineNote> notes, EquatableArray<QuarantineNote> from) =>
        notes.Where(n => !from.Any(f => RecordSanitizer.SameRefusal(n, f)));
}
