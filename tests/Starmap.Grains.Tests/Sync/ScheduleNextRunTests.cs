using Starmap.Grains.Sync;

namespace Starmap.Grains.Tests.Sync;

/// <summary>A schedule's next run is its reminder's own due time, read from the reminder table.</summary>
[Collection(SyncCluster.Name)]
public sealed class ScheduleNextRunTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    [Fact]
    public async Task A_new_schedule_knows_its_next_run_before_any_sync_and_loses_it_when_removed()
    {
        var id = TestData.UniqueId("next");
        await Catalog.SetProviderAsync(new Provider { Id = id, Name = "Next run" });
        var before = DateTimeOffset.UtcNow;
        var set = await Catalog.Sync.SetScheduleAsync(id, TimeSpan.FromHours(6));
        var after = DateTimeOffset.UtcNow;
        try
        {
            // The reminder is first due one interval after it was registered; no sync has run yet.
            Assert.Null(set.LastOutcome);
            Assert.NotNull(set.NextRun);
            Assert.InRange(set.NextRun!.Value, before.AddHours(6).AddSeconds(-1), after.AddHours(6).AddSeconds(1));
            // Read again later, it is the same due time (the table's, not now plus the interval).
            var read = await Catalog.Sync.GetScheduleAsync(id);
            Assert.Equal(set.NextRun, read.NextRun);
            Assert.Contains(await Catalog.Sync.ListSchedulesAsync(), s => s.ProviderId == id && s.NextRun == set.NextRun);
        }
        finally
        {
            var removed = await Catalog.Sync.RemoveScheduleAsync(id);
            Assert.Null(removed.NextRun);
        }
        Assert.Null((await Catalog.Sync.GetScheduleAsync(id)).NextRun);
    }

    [Fact]
    public void The_next_tick_follows_the_reminders_cadence_past_missed_ticks()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var period = TimeSpan.FromHours(6);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Before the first due time: the first due time (stored without a kind, read as UTC).
        Assert.Equal(at, ReminderClock.NextTick(start, period, at.AddHours(-1)));
        // Exactly on a tick: that tick.
        Assert.Equal(at.AddHours(12), ReminderClock.NextTick(start, period, at.AddHours(12)));
        // Three days and a bit later (ticks missed while no silo ran): the next point of the 6-hour cadence.
        Assert.Equal(at.AddDays(3).AddHours(6), ReminderClock.NextTick(start, period, at.AddDays(3).AddMinutes(1)));
    }
}
