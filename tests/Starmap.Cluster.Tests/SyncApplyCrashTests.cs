namespace Starmap.Cluster.Tests;

/// <summary>
/// <c>kill -9</c> of the silo holding a provider while a sync applies a large change to it: afterwards the
/// provider (and the catalog's view of it) is entirely the old state or entirely the new one. The kill
/// lands at several delays after the provider API answered, to hit different moments of the apply.
/// </summary>
public sealed class SyncApplyCrashTests(SharedRedis redis)
{
    private const string ProviderId = "apply-crash";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_killed_during_a_sync_apply_leaves_the_provider_entirely_old_or_entirely_new()
    {
        await using var server = await ReplayServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = new RedisCluster(redis.Server, "applycrash");
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        await using (var setup = await cluster.ConnectAsync(TimeSpan.FromSeconds(10)))
        {
            await RedisCluster.WaitForActiveSilosAsync(setup, 2, Deadline);
            await setup.Catalog.SetProviderAsync(SyncSources.Provider(server, ProviderId));
        }

        var outcomes = new List<string>();
        var round = 0;
        foreach (var killDelay in new[] { 0, 250, 1000, 4000 })
        {
            round++;
            // A client over the silos alive now (a replacement from the last round included).
            await using var control = await cluster.ConnectAsync(TimeSpan.FromSeconds(10));
            // The old state: 300 models, applied whole.
            var oldIds = Enumerable.Range(0, 300).Select(i => $"r{round}-old-{i}").ToHashSet(StringComparer.Ordinal);
            var newIds = Enumerable.Range(0, 2000).Select(i => $"r{round}-new/{i}@v1").ToHashSet(StringComparer.Ordinal);
            server.Map(SyncSources.ListPath(ProviderId), ReplayResponse.Json(SyncSources.OpenAiList(oldIds)));
            var applied = await control.Catalog.Sync.SyncAsync(ProviderId, SyncSources.ProviderApiOnly(force: true));
            Assert.True(applied.Status == SyncStatus.Applied,
                $"round {round}: the sync of the old state was {applied.Status}: {applied.Reason}; {string.Join("; ", applied.Warnings)}");
            var old = await control.Catalog.Providers.GetAsync(ProviderId);
            var oldAvailable = Available(old);
            Assert.True(oldIds.IsSubsetOf(oldAvailable), "the old models are available before the crash");

            // The new state: 2,000 other models (the 300 old ones become unavailable, kept, not deleted).
            server.Map(SyncSources.ListPath(ProviderId), ReplayResponse.Json(SyncSources.OpenAiList(newIds)));
            var victim = await cluster.HostOfAsync(control, control.Client.GetGrain<IProviderGrain>(ProviderId));
            Assert.NotNull(victim);
            var requestsBefore = server.RequestsTo(SyncSources.ListPath(ProviderId)).Count;
            var sync = control.Catalog.Sync.SyncAsync(ProviderId, SyncSources.ProviderApiOnly(force: true));
            await Eventually.ValueAsync(() => Task.FromResult(server.RequestsTo(SyncSources.ListPath(ProviderId)).Count),
                c => c > requestsBefore, Deadline, "the provider API asked for the new list");
            if (killDelay > 0)
            {
                await Task.Delay(killDelay, TestContext.Current.CancellationToken); // the point in the apply to crash at, not a wait for a condition
            }
            await victim.KillAsync();
            try
            {
                await sync;
            }
            catch (Exception)
            {
                // The sync may or may not have finished; what counts is what storage holds.
            }

            // A replacement joins; the provider reactivates on a live silo from what Redis holds.
            await cluster.StartSiloAsync();
            var after = await Eventually.ValueAsync(() => control.Catalog.Providers.GetAsync(ProviderId), _ => true, Deadline, "the provider readable again");
            var available = Available(after);
            var all = after.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
            if (after.Version == old.Version)
            {
                Assert.True(available.SetEquals(oldAvailable), $"round {round}: at the old version, but the models differ from the old state");
                Assert.Empty(all.Intersect(newIds));
                outcomes.Add($"{killDelay} ms: old");
            }
            else
            {
                Assert.True(after.Version == old.Version + 1,
                    $"round {round} (kill after {killDelay} ms): version {after.Version}, expected the old {old.Version} or the new {old.Version + 1}");
                Assert.True(newIds.SetEquals(available), $"round {round}: at the new version, but {newIds.Except(available).Count()} new models are missing or {available.Except(newIds).Count()} others still available");
                Assert.True(oldIds.IsSubsetOf(all), $"round {round}: old models must be kept (marked unavailable), not deleted");
                outcomes.Add($"{killDelay} ms: new");
            }

            // The catalog (every replica's source) agrees with the provider once it has republished.
            var catalogCount = await Eventually.ValueAsync(
                async () => (await control.Catalog.Models.ListAsync()).Items.Count(m => m.Offering.ProviderId == ProviderId),
                total => total == after.Offerings.Count, Deadline, $"the catalog listing {after.Offerings.Count} models of {ProviderId}");
            Assert.Equal(after.Offerings.Count, catalogCount);
            await RedisCluster.WaitForActiveSilosAsync(control, 2, Deadline);
        }
        Figures.Report($"kill -9 of the silo holding the provider during a 300 -> 2,000 model sync apply, by delay after the API answered: {string.Join(", ", outcomes)}; never a mix.");
    }

    private static HashSet<string> Available(ProviderDetails details) =>
        details.Offerings.Where(o => o.Availability != Availability.Unavailable).Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
}
