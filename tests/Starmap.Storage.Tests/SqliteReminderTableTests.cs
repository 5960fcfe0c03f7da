using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Starmap.Storage.Sqlite;
using Xunit;

namespace Starmap.Storage.Tests;

/// Reminders stored in SQLite survive a new table instance (a silo restart) and honour their ETags.
public sealed class SqliteReminderTableTests : StorageTestBase
{
    private SqliteReminderTable CreateTable(string serviceId = "starmap") => new(
        Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }),
        new SqliteGrainStorageOptions { DataDirectory = DataDirectory },
        NullLogger<SqliteReminderTable>.Instance);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc),
        Period = period,
    };

    [Fact]
    public async Task Upserted_reminders_are_read_back_by_a_new_table_on_the_same_file()
    {
        var table = CreateTable();
        await table.StartAsync(Ct);
        var etag = await table.UpsertRow(Entry(OpenAi, "sync", TimeSpan.FromMinutes(5)));
        Assert.Equal("1", etag);

        var reopened = CreateTable();
        await reopened.StartAsync(Ct);
        var row = await reopened.ReadRow(OpenAi, "sync");
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), row.StartAt);
        Assert.Equal(OpenAi, row.GrainId);
        Assert.Single((await reopened.ReadRows(OpenAi)).Reminders);
    }

    [Fact]
    public async Task Updating_bumps_the_etag_and_removal_needs_the_current_one()
    {
        var table = CreateTable();
        await table.StartAsync(Ct);
        var first = await table.UpsertRow(Entry(OpenAi, "sync", TimeSpan.FromMinutes(5)));
        var second = await table.UpsertRow(Entry(OpenAi, "sync", TimeSpan.FromMinutes(10)));
        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromMinutes(10), (await table.ReadRow(OpenAi, "sync"))!.Period);

        Assert.False(await table.RemoveRow(OpenAi, "sync", first!));
        Assert.NotNull(await table.ReadRow(OpenAi, "sync"));
        Assert.True(await table.RemoveRow(OpenAi, "sync", second!));
        Assert.Null(await table.ReadRow(OpenAi, "sync"));
    }

    [Fact]
    public async Task Range_reads_follow_the_hash_ring_including_wrap_around()
    {
        var table = CreateTable();
        await table.StartAsync(Ct);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("provider", $"p{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "sync", TimeSpan.FromMinutes(1)));
        }
        var all = grains.Select(g => g.GetUniformHashCode()).ToList();
        var pivot = all.Order().ElementAt(20);

        var low = (await table.ReadRows(0, pivot)).Reminders.Select(r => r.GrainId).ToHashSet();
        var wrapped = (await table.ReadRows(pivot, 0)).Reminders.Select(r => r.GrainId).ToHashSet();
        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > 0 && g.GetUniformHashCode() <= pivot).ToHashSet(), low);
        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > pivot || g.GetUniformHashCode() <= 0).ToHashSet(), wrapped);
        Assert.Equal(grains.Count, low.Count + wrapped.Count);
    }

    [Fact]
    public async Task Services_sharing_a_file_do_not_see_each_others_reminders()
    {
        var mine = CreateTable("starmap");
        var theirs = CreateTable("other");
        await mine.StartAsync(Ct);
        await theirs.StartAsync(Ct);
        await mine.UpsertRow(Entry(OpenAi, "sync", TimeSpan.FromMinutes(1)));
        Assert.Empty((await theirs.ReadRows(OpenAi)).Reminders);
        await theirs.TestOnlyClearTable();
        Assert.Single((await mine.ReadRows(OpenAi)).Reminders);
    }
}
