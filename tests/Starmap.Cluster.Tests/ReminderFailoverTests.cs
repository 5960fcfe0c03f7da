namespace Starmap.Cluster.Tests;

/// <summary>
/// Sync schedules are Orleans reminders kept in Redis. Eight providers are scheduled every 2 s across two
/// silos (each silo owns part of the reminder ring); one silo is killed and every schedule keeps firing.
/// </summary>
public sealed class ReminderFailoverTests(SharedRedis redis)
{
    private const int Providers = 8;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Schedules_keep_firing_after_the_silo_that_held_them_dies()
    {
        await using var server = await ReplayServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = new RedisCluster(redis.Server, "reminders", ("Starmap__MinimumSyncInterval", "00:00:02"));
        await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await using var connection = await cluster.ConnectAsync(TimeSpan.FromSeconds(10));
        await RedisCluster.WaitForActiveSilosAsync(connection, 2, Deadline);

        var ids = Enumerable.Range(0, Providers).Select(i => $"scheduled-{i}").ToList();
        foreach (var id in ids)
        {
            server.Map(SyncSources.ListPath(id), ReplayResponse.Json(SyncSources.OpenAiList([$"{id}-model"])));
            await connection.Catalog.SetProviderAsync(SyncSources.Provider(server, id));
            await connection.Catalog.Sync.SetScheduleAsync(id, Interval);
        }
        await Eventually.ValueAsync(() => Task.FromResult(ids.Count(id => server.RequestsTo(SyncSources.ListPath(id)).Count >= 2)),
            n => n == Providers, Deadline, "every schedule fired twice");

        // The victim is the silo holding most of the schedules' grains, so their activations die with it
        // (the reminder ring is split between the two silos as well).
        var hosts = new List<SiloProcess?>();
        foreach (var id in ids)
        {
            hosts.Add(await cluster.HostOfAsync(connection, connection.Client.GetGrain<IProviderSyncGrain>(id)));
        }
        var victim = hosts.Where(h => h is not null).GroupBy(h => h!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? b;
        var onVictim = hosts.Count(h => h == victim);
        Assert.True(onVictim > 0, "no schedule's grain was active on either silo after it fired");
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await victim.KillAsync();

        // Every schedule fires at least twice more after the kill.
        await Eventually.ValueAsync(
            () => Task.FromResult(ids.Count(id => server.RequestsTo(SyncSources.ListPath(id)).Count(r => r.ReceivedAt > killedAt) >= 2)),
            n => n == Providers, Deadline, "every schedule firing twice after the kill");
        var resumed = clock.Elapsed;
        var outcome = await connection.Catalog.Sync.GetLastOutcomeAsync(ids[0]);
        Assert.NotNull(outcome);

        foreach (var id in ids)
        {
            await connection.Catalog.Sync.RemoveScheduleAsync(id);
        }
        Figures.Report($"reminders: {Providers} schedules every {Interval.TotalSeconds:0} s on 2 silos, {onVictim} of their grains on the killed silo; " +
            $"every schedule had fired twice more {resumed.TotalSeconds:0.0} s after the kill.");
    }
}
