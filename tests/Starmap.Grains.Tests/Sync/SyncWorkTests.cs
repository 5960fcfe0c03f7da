using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Starmap.Grains.Sync;
using Starmap.Storage.Sqlite;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// What a sync causes beyond its engine's computing (the storage's writes, the registry's change-log entries)
/// runs on the sync's low-priority threads; a caller's own write runs where it was made.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class SyncWorkTests(SyncClusterFixture fixture)
{
    [Fact]
    public async Task A_syncs_change_log_entries_are_made_on_the_sync_threads_and_a_clients_on_its_own()
    {
        var id = TestData.UniqueId("work");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList(["work-1", "work-2"])));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, [("work-1", 1m, 2m)])));
        fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        var created = await fixture.Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));

        var synced = await fixture.Catalog.Sync.SyncAsync(id, new SyncRequest { Trigger = "test" });

        Assert.Equal(SyncStatus.Applied, synced.Status);
        Assert.Equal((ChangeOrigins.Client, false), fixture.ChangeLog.AppendOf(created.Generation));
        Assert.Equal((ChangeOrigins.Sync, true), fixture.ChangeLog.AppendOf(synced.Generation!.Value));
        Assert.Equal(2, (await fixture.Catalog.Providers.GetAsync(id)).Offerings.Count);
    }

    [Fact]
    public void The_silos_grain_storage_writes_a_syncs_calls_on_the_sync_threads_and_every_other_call_where_it_is_made()
    {
        var options = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(StorageNames.Catalog);
        Assert.NotNull(options.WriteScheduler);

        Assert.Same(BackgroundCpu.Shared, SchedulerFor(ChangeOrigins.Sync, options.WriteScheduler));
        Assert.Null(SchedulerFor(ChangeOrigins.Import, options.WriteScheduler));
        Assert.Null(SchedulerFor(ChangeOrigins.Client, options.WriteScheduler));
        Assert.Null(SchedulerFor(ChangeOrigins.PowerShell, options.WriteScheduler));
        Assert.Null(SchedulerFor(ChangeOrigins.Seed, options.WriteScheduler));
        Assert.Null(SchedulerFor(ChangeOrigins.Restore, options.WriteScheduler));
        Assert.Null(SchedulerFor(null, options.WriteScheduler));
    }

    private static TaskScheduler? SchedulerFor(string? origin, Func<TaskScheduler?> scheduler)
    {
        if (origin is null)
        {
            RequestContext.Remove(ChangeOrigins.RequestContextKey);
        }
        else
        {
            RequestContext.Set(ChangeOrigins.RequestContextKey, origin);
        }
        try
        {
            return scheduler();
        }
        finally
        {
            RequestContext.Remove(ChangeOrigins.RequestContextKey);
        }
    }
}
