using System.Globalization;

namespace Starmap;

/// <summary>
/// A point in the catalog's history: a generation number, or a time (the catalog as it was then, i.e. the
/// newest generation published at or before it). Exactly one of the two is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-point")]
public sealed record CatalogPoint
{
    /// <summary>A generation number.</summary>
    [Id(0)] public long? Generation { get; init; }

    /// <summary>A time.</summary>
    [Id(1)] public DateTimeOffset? At { get; init; }

    /// <summary>The catalog at generation <paramref name="generation"/>.</summary>
    public static CatalogPoint OfGeneration(long generation) => new() { Generation = generation };

    /// <summary>The catalog as it was at <paramref name="at"/>.</summary>
    public static CatalogPoint OfTime(DateTimeOffset at) => new() { At = at };

    /// <summary>
    /// Reads a generation number (digits) or an ISO 8601 time (e.g. <c>2026-06-01</c>, <c>2026-06-01T12:00:00Z</c>;
    /// a time without an offset is UTC); null when <paramref name="text"/> is neither.
    /// </summary>
    public static CatalogPoint? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return OfGeneration(generation);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? OfTime(at)
            : null;
    }

    /// <summary>"generation 12" or "2026-06-01T00:00:00.0000000+00:00".</summary>
    public override string ToString() => Generation is { } g
        ? FormattableString.Invariant($"generation {g}")
        : At?.ToString("O", CultureInfo.InvariantCulture) ?? "(none)";
}
