namespace Starmap.Grains.Entities;

/// <summary>
/// A provider's offerings and an author's definitions are both kept sorted by an ordinal key (model ID,
/// definition ID); these are the list operations their grains share.
/// </summary>
internal static class SortedRecords
{
    /// <summary>The record with <paramref name="key"/>, by binary search, or null.</summary>
    public static T? Find<T>(EquatableArray<T> sorted, string? key, Func<T, string> keyOf)
        where T : class
    {
        if (key is null)
        {
            return null;
        }
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var cmp = string.CompareOrdinal(keyOf(sorted[mid]), key);
            if (cmp == 0)
            {
                return sorted[mid];
            }
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return null;
    }

    /// <summary><paramref name="records"/> sorted by key.</summary>
    public static EquatableArray<T> Sorted<T>(IEnumerable<T> records, Func<T, string> keyOf) =>
        records.OrderBy(keyOf, StringComparer.Ordinal).ToEquatableArray();

    /// <summary><paramref name="sorted"/> with each of <paramref name="changes"/> added or replacing the one with its key.</summary>
    public static EquatableArray<T> Upsert<T>(EquatableArray<T> sorted, IReadOnlyCollection<T> changes, Func<T, string> keyOf)
    {
        var replaced = changes.Select(keyOf).ToHashSet(StringComparer.Ordinal);
        return Sorted(sorted.Where(r => !replaced.Contains(keyOf(r))).Concat(changes), keyOf);
    }

    /// <summary><paramref name="sorted"/> without the record with <paramref name="key"/>.</summary>
    public static EquatableArray<T> Without<T>(EquatableArray<T> sorted, string key, Func<T, string> keyOf) =>
        sorted.Where(r => !string.Equals(keyOf(r), key, StringComparison.Ordinal)).ToEquatableArray();

    /// <summary>Refuses a list that names one key twice, naming the list and the key.</summary>
    public static void CheckDistinct<T>(IEnumerable<T> records, Func<T, string> keyOf, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!seen.Add(keyOf(record)))
            {
                throw new StarmapValidationException(field, keyOf(record), "appears twice");
            }
        }
    }
}
