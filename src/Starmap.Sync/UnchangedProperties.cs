using System.Collections.Concurrent;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>
/// The typed side of the merge: the top-level properties that every statement repeats exactly as the
/// baseline holds them (most of a resync), found on the C# values through <see cref="StarmapJson"/>'s own type
/// metadata (<see cref="JsonContract"/>, <see cref="SameJson.Identical"/>), and set back from the baseline onto the merged record.
/// </summary>
/// <remarks>
/// Why this is the JSON merge's result: every field path lies under one top-level property, and the merge of a
/// path reads only the fields under that same property (its value, the enclosing price window) and the
/// provenance. When the baseline and every candidate write identical JSON there, the merge can only keep that
/// JSON (the winner's value is the same text), record provenance, or warn; the reconcile still merges such a
/// property on the baseline's own fields for those two, and builds no JSON for the candidates or the result.
/// </remarks>
internal static class UnchangedProperties
{
    private static readonly ConcurrentDictionary<Type, bool> Windowed = new();

    /// <summary>
    /// The JSON names of top-level properties, beyond <paramref name="excluded"/>, that write the same JSON text in
    /// <paramref name="baseline"/> and every candidate, come back from that JSON as they are
    /// (<see cref="SameJson.IsCanonical"/>) and can be set back; empty when there are none.
    /// </summary>
    public static HashSet<string> Of<T>(T baseline, IReadOnlyList<T> candidates, IReadOnlySet<string> excluded) where T : class
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (baseline.GetType() != typeof(T) || candidates.Any(c => c.GetType() != typeof(T)))
        {
            return names; // a derived type may write more than T's properties
        }
        foreach (var property in JsonContract.Of(typeof(T)).Properties)
        {
            if (property.Set is null || excluded.Contains(property.Name))
            {
                continue;
            }
            var value = property.Get!(baseline);
            if (candidates.All(c => SameJson.Identical(value, property.Get!(c), property.PropertyType)) && SameJson.IsCanonical(value, property.PropertyType))
            {
                names.Add(property.Name);
            }
        }
        return names;
    }

    /// <summary>Every top-level name of <typeparamref name="T"/> but <paramref name="names"/>: what to leave out to flatten only those.</summary>
    public static HashSet<string> AllBut<T>(IReadOnlySet<string> names) =>
        [.. JsonContract.Of(typeof(T)).Properties.Select(p => p.Name).Where(n => !names.Contains(n))];

    /// <summary>
    /// Sets <paramref name="names"/> on <paramref name="merged"/> (a record just deserialized, not yet shared) to
    /// <paramref name="baseline"/>'s values, which write the JSON the merge would have given them. A null stays as
    /// deserialized: it wrote no field, so the merged JSON had none either.
    /// </summary>
    public static T Restore<T>(T merged, T baseline, IReadOnlySet<string> names) where T : class
    {
        foreach (var property in JsonContract.Of(typeof(T)).Properties)
        {
            if (names.Contains(property.Name) && property.Get!(baseline) is { } value)
            {
                property.Set!(merged, value);
            }
        }
        return merged;
    }

    /// <summary>
    /// True when a field below one of <paramref name="names"/> could lie in a price window (a member named
    /// effective_from or effective_until), so that merging it could warn that the window is not in effect.
    /// </summary>
    public static bool MayWarn<T>(IReadOnlySet<string> names) =>
        JsonContract.Of(typeof(T)).Properties.Any(p => names.Contains(p.Name) && Windowed.GetOrAdd(p.PropertyType, static t => HasWindow(t, [])));

    private static bool HasWindow(Type type, HashSet<Type> seen)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (JsonShape.ItemType(bare) is { } item)
        {
            return HasWindow(item, seen);
        }
        if (!seen.Add(bare) || bare.IsPrimitive || bare.IsEnum || bare == typeof(string))
        {
            return false;
        }
        return JsonContract.Of(bare).Properties.Any(p => p.Name is "effective_from" or "effective_until" || HasWindow(p.PropertyType, seen));
    }
}
