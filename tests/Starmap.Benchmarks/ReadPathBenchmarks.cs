using BenchmarkDotNet.Attributes;
using Starmap.Catalog.Json;
using Starmap.Catalog.Query;
using Starmap.Catalog.Snapshot;

namespace Starmap.Benchmarks;

/// <summary>
/// Starmap.Orleans' read path (queries and point reads on the one immutable snapshot each silo holds)
/// against the seed's approach, a deep copy of the catalog on every read (here: a JSON round trip of
/// every model, which is what handing out caller-owned copies costs), measured in the same run so the
/// Ratio column compares like with like.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class ReadPathBenchmarks
{
    private CatalogSnapshot _snapshot = null!;
    private ModelQuery _query = null!;
    private CatalogModel _target = null!;

    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_snapshot, var source) = CatalogData.Load(Scale);
        Console.WriteLine($"// catalog: {source}, x{Scale}: {_snapshot.Models.Count} offerings");
        _query = new ModelQuery { MinContext = 100_000, MaxInputPrice = 5m, Sort = ModelSort.InputPrice, Limit = 50 };
        _target = _snapshot.Models[_snapshot.Models.Count / 2];
    }

    [Benchmark(Baseline = true, Description = "query: deep copy per read (seed)")]
    public int QueryOnDeepCopy()
    {
        var copy = DeepCopy(_snapshot.Models);
        return ModelQueryEngine.Execute(copy, _query, 1).Total;
    }

    [Benchmark(Description = "query: shared snapshot")]
    public int QueryOnSnapshot() => _snapshot.Query(_query).Total;

    [Benchmark(Description = "point read: deep copy per read (seed)")]
    public CatalogModel? PointReadOnDeepCopy() =>
        DeepCopy(_snapshot.Models).FirstOrDefault(m => m.ProviderId == _target.ProviderId && m.ModelId == _target.ModelId);

    [Benchmark(Description = "point read: shared snapshot")]
    public CatalogModel? PointReadOnSnapshot() => _snapshot.FindModel(_target.ProviderId, _target.ModelId);

    private static List<CatalogModel> DeepCopy(EquatableArray<CatalogModel> models)
    {
        var copy = new List<CatalogModel>(models.Count);
        foreach (var model in models)
        {
            copy.Add(StarmapJson.Deserialize<CatalogModel>(StarmapJson.Serialize(model)));
        }
        return copy;
    }
}
