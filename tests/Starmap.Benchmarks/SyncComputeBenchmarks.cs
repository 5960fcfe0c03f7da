using BenchmarkDotNet.Attributes;
using Starmap.Catalog.Validation;
using Starmap.Sources.ModelsDev;
using Starmap.Sync;
using Starmap.Sync.History;

namespace Starmap.Benchmarks;

/// <summary>
/// The CPU of a sync of every provider (issue 11), without the grains: each provider of the models.dev
/// snapshot reconciled with what models.dev says of it, as a resync of a catalog that already holds it
/// (the baseline is a first reconcile, so provenance and timestamps are set and nothing changed since),
/// then diffed, and the change log's diff of the result. The silo runs the same three calls per provider.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class SyncComputeBenchmarks
{
    private readonly List<(ProviderDetails Baseline, SourceObservation Observation)> _providers = [];
    private ModelDefinition[] _definitions = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var path = CatalogData.FindSnapshot() ?? throw new InvalidOperationException("needs shared/fixtures/models.dev/api.json");
        var snapshot = ModelsDevParser.Parse(File.ReadAllText(path));
        _now = DateTimeOffset.UtcNow;
        var definitions = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var id in snapshot.Providers.Keys.Order(StringComparer.Ordinal))
        {
            if (!IdRules.IsEntityId(id) || ModelsDevMapper.ToObservation(snapshot, id, [], _now.AddMinutes(-1)) is not { } observation)
            {
                continue;
            }
            var empty = new ProviderDetails { Provider = new Provider { Id = id, Name = id } };
            var first = Reconciler.Reconcile(empty, [], [observation], AuthorityTable.Default, _now.AddMinutes(-1));
            foreach (var definition in first.Definitions)
            {
                definitions.TryAdd(definition.Id, definition);
            }
            _providers.Add((empty with { Offerings = first.Offerings }, observation with { ObservedAt = _now }));
        }
        _definitions = [.. definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];
        Console.WriteLine($"// {_providers.Count} providers, {_providers.Sum(p => p.Baseline.Offerings.Count)} offerings, {_definitions.Length} definitions");
    }

    [Benchmark(Description = "resync of every provider: reconcile, diff, change-log diff")]
    public int ResyncEveryProvider()
    {
        var count = 0;
        foreach (var (baseline, observation) in _providers)
        {
            var result = Reconciler.Reconcile(baseline, _definitions, [observation], AuthorityTable.Default, _now);
            var after = baseline with { Offerings = result.Offerings };
            count += Differ.Diff(baseline, after, _definitions, result.Definitions).Count;
            count += EntityChanges.Of(baseline, after).Count;
        }
        return count;
    }

    [Benchmark(Description = "diff of every provider against itself re-read (no change)")]
    public int DiffEveryProviderUnchanged()
    {
        var count = 0;
        foreach (var (baseline, _) in _providers)
        {
            var copy = baseline with { Offerings = [.. baseline.Offerings.Select(o => o with { })] };
            count += Differ.Diff(baseline, copy, _definitions, _definitions).Count;
            count += EntityChanges.Of(baseline, copy).Count;
        }
        return count;
    }
}
