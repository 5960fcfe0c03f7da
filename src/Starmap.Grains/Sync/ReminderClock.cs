namespace Starmap.Grains.Sync;

/// <summary>
/// When an Orleans reminder next fires. A reminder row holds its first due time and its period; the reminder
/// service ticks at first due time plus whole periods (a tick missed while no silo ran is not repeated, the
/// next one on that cadence follows), so the next run is the first such time at or after now.
/// </summary>
internal static class ReminderClock
{
    /// <summary>The first tick at or after <paramref name="now"/> of a reminder first due at <paramref name="startAt"/>.</summary>
    public static DateTimeOffset NextTick(DateTime startAt, TimeSpan period, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        // Reminder tables store UTC; a store may hand it back without the kind.
        var start = new DateTimeOffset(DateTime.SpecifyKind(startAt, DateTimeKind.Utc));
        if (now <= start)
        {
            return start;
        }
        var sinceLast = (now - start).Ticks % period.Ticks;
        return sinceLast == 0 ? now : now + TimeSpan.FromTicks(period.Ticks - sinceLast);
    }
}
