using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Starmap.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Starmap.Benchmarks.ReadPathBenchmarks).Assembly).Run(args);
