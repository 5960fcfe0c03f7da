using System.Collections.Concurrent;

namespace Starmap.Cluster.Tests;

/// <summary>
/// <c>kill -9</c> of one of two silos while writers and readers run through a client that knows both
/// gateways: no acknowledged write is lost, calls succeed again within a stated bound, and no provider
/// ever acknowledged the same version twice (two activations writing past each other would).
/// </summary>
public sealed class FailoverTests(SharedRedis redis)
{
    /// <summary>Bound on the time from the kill until every call succeeds again.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    /// <summary>How long calls must keep succeeding to count as recovered.</summary>
    private static readonly TimeSpan CleanRun = TimeSpan.FromSeconds(5);

    private const int Providers = 4;

    [Fact]
    public async Task Killing_a_silo_under_reads_and_writes_loses_no_acknowledged_write()
    {
        await using var cluster = new RedisCluster(redis.Server, "failover");
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        // A short response timeout: a call stuck on the dead silo fails fast and the next one is retried.
        await using var connection = await cluster.ConnectAsync(TimeSpan.FromSeconds(5));
        await RedisCluster.WaitForActiveSilosAsync(connection, 2, TimeSpan.FromSeconds(30));
        var catalog = connection.Catalog;
        var providerIds = Enumerable.Range(0, Providers).Select(i => $"failover-{i}").ToArray();
        foreach (var id in providerIds)
        {
            await catalog.SetProviderAsync(Catalogs.Provider(id));
        }

        var acknowledged = new ConcurrentBag<(string Provider, string Model, long Version)>();
        var failures = new ConcurrentQueue<(TimeSpan At, string What)>();
        var clock = Stopwatch.StartNew();
        // Per loop, when it last succeeded: a call that hangs is not a failure, but it is not recovery either.
        var lastSuccess = new long[Providers + 4];
        // Per loop, its first success since its last failure (reset at the kill): when it came back.
        var firstClean = new long[Providers + 4];
        long reads = 0;
        using var stop = new CancellationTokenSource();

        async Task WriteLoop(string providerId, int loop)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var modelId = $"load/{providerId}-{n}@v1";
                try
                {
                    var result = await catalog.Providers.SetModelAsync(providerId, Catalogs.Model(providerId, modelId));
                    acknowledged.Add((providerId, modelId, result.Version));
                    Volatile.Write(ref lastSuccess[loop], clock.Elapsed.Ticks);
                    Interlocked.CompareExchange(ref firstClean[loop], clock.Elapsed.Ticks, 0);
                }
                catch (Exception ex)
                {
                    failures.Enqueue((clock.Elapsed, $"write {modelId}: {ex.GetType().Name}"));
                    Volatile.Write(ref firstClean[loop], 0);
                    await Task.Delay(50);
                }
            }
        }

        async Task ReadLoop(int seed, int loop)
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    _ = await catalog.Providers.GetAsync(providerIds[random.Next(Providers)]);
                    _ = await catalog.GetStatusAsync();
                    Interlocked.Increment(ref reads);
                    Volatile.Write(ref lastSuccess[loop], clock.Elapsed.Ticks);
                    Interlocked.CompareExchange(ref firstClean[loop], clock.Elapsed.Ticks, 0);
                }
                catch (Exception ex)
                {
                    failures.Enqueue((clock.Elapsed, $"read: {ex.GetType().Name}"));
                    Volatile.Write(ref firstClean[loop], 0);
                    await Task.Delay(50);
                }
            }
        }

        var load = providerIds.Select((id, i) => WriteLoop(id, i)).Concat(Enumerable.Range(0, 4).Select(i => ReadLoop(i, Providers + i))).ToList();

        // Under load first; then the crash.
        await Eventually.ValueAsync(() => Task.FromResult(acknowledged.Count), c => c >= 100, TimeSpan.FromSeconds(60), "100 acknowledged writes before the kill");
        var beforeKill = acknowledged.Count;
        var victim = b;
        await victim.KillAsync();
        var killedAt = clock.Elapsed;
        Array.Clear(firstClean);

        // Recovered = every loop (each writer, each reader) succeeded since the last failure, and calls
        // have kept succeeding for CleanRun; the recovery time is when the last loop came back.
        TimeSpan recovery;
        while (true)
        {
            var lastFailure = Max(failures.IsEmpty ? TimeSpan.Zero : failures.Max(f => f.At), killedAt);
            var successes = Enumerable.Range(0, lastSuccess.Length).Select(i => TimeSpan.FromTicks(Volatile.Read(ref lastSuccess[i]))).ToList();
            var cameBack = Enumerable.Range(0, firstClean.Length).Select(i => TimeSpan.FromTicks(Volatile.Read(ref firstClean[i]))).ToList();
            var now = clock.Elapsed;
            if (cameBack.All(t => t > killedAt) && now - lastFailure >= CleanRun && successes.All(t => now - t < TimeSpan.FromSeconds(2)))
            {
                recovery = cameBack.Max() - killedAt;
                break;
            }
            Assert.True(now - killedAt < RecoveryBound + CleanRun,
                $"calls not all succeeding {now - killedAt} after the kill; last failure: {failures.LastOrDefault().What}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var failuresAfterKill = failures.Where(f => f.At >= killedAt).ToList();
        Assert.True(recovery <= RecoveryBound, $"recovery took {recovery}, bound {RecoveryBound}");

        // Every acknowledged write is there, read back through the surviving silo.
        await using var survivor = await cluster.ConnectAsync(null, a);
        var lost = new List<string>();
        foreach (var group in acknowledged.GroupBy(w => w.Provider))
        {
            var details = await survivor.Catalog.Providers.GetAsync(group.Key);
            var present = details.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
            lost.AddRange(group.Where(w => !present.Contains(w.Model)).Select(w => $"{w.Provider}/{w.Model}"));
            // Storage ETags let one writer win per version: no version was acknowledged twice.
            var versions = group.Select(w => w.Version).ToList();
            Assert.Equal(versions.Count, versions.Distinct().Count());
            Assert.True(details.Version >= versions.Max(), $"{group.Key} is at version {details.Version}, below acknowledged {versions.Max()}");
        }
        Assert.Empty(lost);

        // One state per provider: the catalog (which a reactivated grain republishes to) shows exactly what the grain holds.
        foreach (var id in providerIds)
        {
            var held = (await survivor.Catalog.Providers.GetAsync(id)).Offerings.Select(o => o.ModelId).Order(StringComparer.Ordinal).ToList();
            await Eventually.ValueAsync(
                async () => (await survivor.Catalog.Models.ListAsync()).Items.Where(m => m.Offering.ProviderId == id).Select(m => m.Offering.ModelId).Order(StringComparer.Ordinal).ToList(),
                listed => listed.SequenceEqual(held), TimeSpan.FromSeconds(30), $"the catalog showing {held.Count} models of {id}, as the grain holds");
        }

        Figures.Report($"kill -9 under load (2 silos, {Providers} writers + 4 readers, probe timeout 2 s x 2 missed probes): " +
            $"{acknowledged.Count} writes acknowledged ({beforeKill} before the kill), 0 lost, {reads} reads; " +
            $"{failuresAfterKill.Count} calls failed after the kill; every call succeeded again {recovery.TotalSeconds:0.0} s after the kill (bound {RecoveryBound.TotalSeconds:0} s).");
    }

    private static TimeSpan Max(TimeSpan x, TimeSpan y) => x > y ? x : y;
}
