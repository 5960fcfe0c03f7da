namespace Starmap;

/// <summary>What makes a <see cref="ChangeQuery"/> answerable; every surface checks with these, so the messages agree.</summary>
public static class ChangeQueryRules
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the field when <paramref name="query"/> cannot be answered as asked.</summary>
    public static void Check(ChangeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > ChangeQuery.MaxLimit)
        {
            throw new ArgumentException($"Limit must be 1..{ChangeQuery.MaxLimit}; it was {query.Limit}.", nameof(query));
        }
        if (!Enum.IsDefined(query.Order))
        {
            throw new ArgumentException($"Order must be OldestFirst or NewestFirst; it was {(int)query.Order}.", nameof(query));
        }
        if (query.SinceGeneration < 0)
        {
            throw new ArgumentException($"SinceGeneration must not be negative; it was {query.SinceGeneration}.", nameof(query));
        }
        if (query.UntilGeneration < 0)
        {
            throw new ArgumentException($"UntilGeneration must not be negative; it was {query.UntilGeneration}.", nameof(query));
        }
        if (query is { Since: { } since, Until: { } until } && until < since)
        {
            throw new ArgumentException($"Until ({until:O}) is before Since ({since:O}).", nameof(query));
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> when the query needs changes retention deleted
    /// (changes after <see cref="ChangeQuery.SinceGeneration"/> that are no longer all kept).
    /// </summary>
    public static void CheckRetained(ChangeQuery query, ChangeLogBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(bounds);
        if (query.SinceGeneration is { } since && bounds.PrunedThrough is { } pruned && since < pruned)
        {
            throw new ArgumentOutOfRangeException(nameof(query), since,
                $"The changes of generation {pruned} and older were deleted by retention (Starmap:History:Retention); the oldest SinceGeneration answerable is {pruned}.");
        }
    }
}
