using System.Text.Json.Nodes;
using Starmap.Catalog.Validation;

namespace Starmap.Sync;

/// <summary>
/// Which quarantine notes a reconciled record keeps. A note describes a current refusal, not history:
/// the refusals of this run are kept (a refusal seen before keeps its first sighting, so reconciling
/// unchanged data changes nothing); an earlier note is dropped once its source took part again without
/// refusing the field, or once the field has a value; otherwise it stays.
/// </summary>
internal static class QuarantineCarry
{
    public static EquatableArray<QuarantineNote> Carry(
        EquatableArray<QuarantineNote> old, IEnumerable<QuarantineNote> current, IReadOnlySet<string> participating,
        Func<string, bool> isKnown)
    {
        var now = current.ToList();
        var kept = new List<QuarantineNote>(now.Count + old.Count);
        foreach (var note in now)
        {
            kept.Add(old.FirstOrDefault(o => RecordSanitizer.SameRefusal(o, note)) ?? note);
        }
        foreach (var note in old)
        {
            var refusedAgain = now.Any(n => n.Path == note.Path && n.Source == note.Source);
            if (!refusedAgain && !participating.Contains(note.Source) && !isKnown(note.Path))
            {
                kept.Add(note);
            }
        }
        return RecordSanitizer.Merge([], kept);
    }

    /// <summary>True when <paramref name="json"/> holds a value at <paramref name="path"/>.</summary>
    public static bool HasValue(JsonObject json, string path) =>
        QuarantinePaths.Find(json, path) is { } node && node.GetValueKind() != System.Text.Json.JsonValueKind.Null;
}
