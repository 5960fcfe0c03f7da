using BenchmarkDotNet.Attributes;
using Starmap.Catalog.Snapshot;
using Starmap.Sync.History;

namespace Starmap.Benchmarks;

/// <summary>
/// A read of the full catalog at a past generation (issue 12): the current snapshot taken back 100
/// published changes (one offering's price each, spread over the catalog, as <c>PastReadTimingTests</c>
/// publishes them) and the first query on the rebuilt snapshot. The current snapshot has served queries
/// (its query index is built), as a live silo's has. "Fresh index" rebuilds from a twin of the current
/// snapshot that has never been queried, so its first query builds the whole index: what every past read
/// cost before the index was shared.
/// </summary>
// Min and median: on a machine shared with other builds the minimum is the least disturbed run.
[MemoryDiagnoser, MinColumn, MedianColumn]
public class PastReadBenchmarks
{
    private const int Changes = 100;
    private static readonly ModelQuery FirstQuery = new() { MaxInputPrice = 10m, Limit = 50 };

    private CatalogSnapshot _current = null!;
    private CatalogSnapshot _unqueried = null!;
    private List<CatalogChange> _changes = null!;
    private long _start;

    [GlobalSetup]
    public void Setup()
    {
        var (snapshot, source) = CatalogData.Load(1);
        _start = snapshot.Generation;
        var models = snapshot.Models;
        var step = models.Count / Changes;
        _changes = [];
        for (var i = 0; i < Changes; i++)
        {
            var offering = models[i * step].Offering;
            var before = snapshot.FindProvider(offering.ProviderId)!;
            var after = before with
            {
                Version = before.Version + 1,
                Offerings = before.Offerings.Select(o => o.ModelId == offering.ModelId
                    ? o with { Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1000m + i, Output = 2000m + i } } }
                    : o).ToEquatableArray(),
            };
            var generation = snapshot.Generation + 1;
            _changes.AddRange(EntityChanges.Of(before, after).Select((c, n) => c with { Generation = generation, Sequence = n }));
            snapshot = snapshot.WithProvider(offering.ProviderId, after, generation);
        }
        _current = snapshot;
        _current.Query(FirstQuery);
        _unqueried = CatalogSnapshot.Build(_current.Generation,
            _current.Providers.Select(p => _current.FindProvider(p.Id)!), _current.Authors.Select(a => _current.FindAuthor(a.Id)!));
        Console.WriteLine($"// catalog: {source}: {_current.ModelCount} offerings, {_current.ProviderCount} providers; " +
            $"{Changes} generations back, {_changes.Count} changes, {_changes.Select(c => c.EntityId).Distinct().Count()} providers touched");
    }

    [Benchmark(Baseline = true, Description = "rebuild 100 changes back")]
    public CatalogSnapshot Rebuild() => PastCatalog.Rebuild(_current, _start, _changes);

    [Benchmark(Description = "rebuild + first query, index shared from the current snapshot")]
    public int RebuildThenQuery() => PastCatalog.Rebuild(_current, _start, _changes).Query(FirstQuery).Total;

    [Benchmark(Description = "rebuild + first query, fresh index (before)")]
    public int RebuildThenQueryFreshIndex() => PastCatalog.Rebuild(_unqueried, _start, _changes).Query(FirstQuery).Total;

    [Benchmark(Description = "query on the current snapshot (index built)")]
    public int QueryCurrent() => _current.Query(FirstQuery).Total;
}
