using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using Starmap.Silo;

namespace Starmap.Grains.Tests.History;

/// <summary>
/// What recording costs a write (docs/benchmarks.md, "Change log"): 200 offering price writes through the
/// registry on a silo whose change log is the SQLite store, and on one with no store (nothing recorded),
/// each on its own SQLite data folder. Only with <c>STARMAP_CHANGELOG_FIGURES=1</c>.
/// </summary>
public sealed class ChangeLogPublishFigures
{
    private const int Writes = 200;

    [Fact]
    public async Task Price_writes_with_and_without_the_change_log()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("STARMAP_CHANGELOG_FIGURES") == "1", "figures only on request (STARMAP_CHANGELOG_FIGURES=1)");
        var lines = new List<string>();
        // Alternating rounds, so a burst of load from elsewhere on the machine hits both sides.
        for (var round = 0; round < 2; round++)
        {
            foreach (var recorded in new[] { false, true })
            {
                lines.Add(await MeasureAsync(recorded));
            }
        }
        foreach (var line in lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    private static async Task<string> MeasureAsync(bool recorded)
    {
        var folder = TestData.NewDirectory("publish-figures");
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStarmapStorageAndGrains(folder);
            if (!recorded)
            {
                silo.Services.RemoveAll<IChangeLogStore>();
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var catalog = new StarmapCatalog(cluster.Client);
            var id = TestData.UniqueId("figures");
            await catalog.SetProviderAsync(Samples.Provider(id));
            for (var i = 0; i < 20; i++)
            {
                await catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m", input: 1m + i));
            }
            var times = new List<double>(Writes);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < Writes; i++)
            {
                var one = Stopwatch.StartNew();
                await catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m", input: 100m + i * 0.01m));
                times.Add(one.Elapsed.TotalMilliseconds);
            }
            total.Stop();
            times.Sort();
            var logged = recorded
                ? (await cluster.Silos[0].ServiceProvider.GetRequiredService<IChangeLogStore>().QueryAsync(new ChangeQuery { Provider = id, Bookkeeping = true, Limit = 1000 })).Items.Count
                : 0;
            return string.Create(CultureInfo.InvariantCulture,
                $"publish {(recorded ? "with the SQLite change log" : "without a change log")}: {Writes} price writes in {total.Elapsed.TotalMilliseconds:F0} ms = " +
                $"{total.Elapsed.TotalMilliseconds / Writes:F2} ms each; p50 {times[Writes / 2]:F2} ms, p95 {times[Writes * 95 / 100]:F2} ms; changes recorded {logged}");
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            TestData.Delete(folder);
        }
    }
}
