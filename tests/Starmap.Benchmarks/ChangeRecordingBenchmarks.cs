using BenchmarkDotNet.Attributes;
using Starmap.Catalog.Snapshot;
using Starmap.Storage.Sqlite;
using Starmap.Sync.History;

namespace Starmap.Benchmarks;

/// <summary>
/// What recording a publish in the change log adds to it (issue 12): one offering's price written, as a
/// sync that changes one price publishes it. Without the log a publish builds the next snapshot (and stores
/// the provider's state, the same either way, left out here); with it the registry also diffs the old and new
/// provider field by field and appends the batch to the SQLite change log (a real file, WAL, one transaction).
/// </summary>
// Min and median: on a machine shared with other builds the minimum is the least disturbed run.
[MemoryDiagnoser, MinColumn, MedianColumn]
public class ChangeRecordingBenchmarks
{
    private CatalogSnapshot _before = null!;
    private ProviderDetails _old = null!;
    private ProviderDetails _new = null!;
    private SqliteChangeLogStore _store = null!;
    private string _folder = null!;
    private long _generation;

    [GlobalSetup]
    public void Setup()
    {
        (_before, var source) = CatalogData.Load(1);
        // A provider of middling size, its first offering repriced.
        _old = _before.Providers.Select(p => _before.FindProvider(p.Id)!).OrderBy(p => p.Offerings.Count).ElementAt(_before.ProviderCount / 2);
        _new = _old with
        {
            Version = _old.Version + 1,
            Offerings = [_old.Offerings[0] with { Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1.25m, Output = 10m } } }, .. _old.Offerings.AsSpan()[1..]],
        };
        _folder = Directory.CreateTempSubdirectory("starmap-bench-log").FullName;
        _store = new SqliteChangeLogStore(new SqliteGrainStorageOptions { DataDirectory = _folder });
        _generation = _before.Generation;
        Console.WriteLine($"// catalog: {source}: {_before.ModelCount} offerings; repriced '{_old.Provider.Id}/{_old.Offerings[0].ModelId}' " +
            $"({_old.Offerings.Count} offerings): {EntityChanges.Of(_old, _new).Count} changes recorded");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "publish without the log (next snapshot)")]
    public CatalogSnapshot WithoutLog() => _before.WithProvider(_old.Provider.Id, _new, ++_generation);

    [Benchmark(Description = "field diff of the written provider (the log's CPU part)")]
    public int DiffOnly() => EntityChanges.Of(_old, _new).Count;

    [Benchmark(Description = "publish with the SQLite log (snapshot + diff + append)")]
    public async Task<CatalogSnapshot> WithLog()
    {
        var generation = ++_generation;
        var snapshot = _before.WithProvider(_old.Provider.Id, _new, generation);
        await _store.AppendAsync(ChangeBatches.Of(generation, DateTimeOffset.UtcNow, ChangeOrigins.Sync, EntityChanges.Of(_old, _new)));
        return snapshot;
    }
}
