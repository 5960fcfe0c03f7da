using System.Diagnostics;

namespace Starmap.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Starmap.Benchmarks -- sync-cpu [runs]</c>: the resync of
/// <see cref="SyncComputeBenchmarks"/> timed as process CPU time and allocated bytes per run, after a warm-up.
/// On a machine shared with other work, CPU time moves far less than wall time (BenchmarkDotNet's figure),
/// so two builds can be compared by running this alternately.
/// </summary>
internal static class SyncCpuRun
{
    public static void Run(int runs)
    {
        var bench = new SyncComputeBenchmarks();
        bench.Setup();
        var changes = bench.ResyncEveryProvider(); // warm-up: JIT and caches
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var wall = Stopwatch.StartNew();
            changes = bench.ResyncEveryProvider();
            wall.Stop();
            process.Refresh();
            Console.WriteLine(
                $"run {i + 1}: cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, wall {wall.ElapsedMilliseconds} ms, " +
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB, {changes} changes");
        }
    }
}
