using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Starmap.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Starmap.Benchmarks -- sync-cpu [runs]   (see SyncCpuRun)
if (args is ["sync-cpu", ..])
{
    Starmap.Benchmarks.SyncCpuRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Starmap.Benchmarks.ReadPathBenchmarks).Assembly).Run(args);
