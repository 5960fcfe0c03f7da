namespace Starmap.Catalog;

/// <summary>
/// The one rule for an offering's <c>created_at</c> and <c>updated_at</c>, used by every path that writes
/// offerings: the provider grain's edits and replaces, and the sync's reconciler.
/// </summary>
/// <remarks>
/// <para>A write (an edit, a sync's merge) stamps: a new record is first seen now (unless it states when);
/// an existing record keeps its first-seen time (an unknown one stays unknown); the update time moves to
/// now only when the content changed, and an unchanged record comes back as it was, times and all.</para>
/// <para>A replace that states either time (an import of catalog files, a sync whose reconciler already
/// stamped) carries its record's history: both are kept as stated, never restamped. A record stating
/// neither is stamped like a write.</para>
/// <para>Model definitions are not stamped by the catalog: their times are facts their sources state (a
/// Starmap file's <c>created_at</c>), merged and diffed like any other field.</para>
/// </remarks>
public static class RecordTimestamps
{
    /// <summary>
    /// <paramref name="incoming"/> stamped against <paramref name="existing"/> at <paramref name="now"/>;
    /// changed means its content (everything but the two times) differs.
    /// </summary>
    public static Offering Stamp(Offering? existing, Offering incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (existing is not null && Unstamped(existing) == Unstamped(incoming))
        {
            return existing; // the same content: the stored record as it is
        }
        return Stamp(existing, incoming, now, changed: true);
    }

    /// <summary>As <see cref="Stamp(Offering?, Offering, DateTimeOffset)"/>, with the caller deciding whether the content changed.</summary>
    public static Offering Stamp(Offering? existing, Offering incoming, DateTimeOffset now, bool changed)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (existing is null)
        {
            return incoming with { CreatedAt = incoming.CreatedAt ?? now, UpdatedAt = now };
        }
        if (!changed)
        {
            return incoming == existing ? existing : incoming with { CreatedAt = existing.CreatedAt, UpdatedAt = existing.UpdatedAt };
        }
        return incoming with { CreatedAt = existing.CreatedAt ?? incoming.CreatedAt, UpdatedAt = now };
    }

    /// <summary>A replace's rule: times <paramref name="incoming"/> states are kept; one stating neither is stamped.</summary>
    public static Offering Restamp(Offering? existing, Offering incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return incoming.CreatedAt is null && incoming.UpdatedAt is null ? Stamp(existing, incoming, now) : incoming;
    }

    private static Offering Unstamped(Offering offering) => offering with { CreatedAt = null, UpdatedAt = null };
}
