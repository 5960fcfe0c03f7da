using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Starmap.Catalog.Snapshot;

namespace Starmap.Benchmarks;

/// <summary>
/// What a publish of one provider costs each replica, before and after issue 11. Before: the replica
/// pulled the whole catalog (<c>ExportAsync</c>) and built its snapshot from scratch. Now: it pulls the
/// changes since its generation (<c>GetChangesAsync</c>: the one provider) and builds the next snapshot by
/// structural sharing. Both sides include the Orleans serialization round trip of what crosses the wire;
/// the bytes that cross it are printed by the setup (same for every iteration).
/// </summary>
[MemoryDiagnoser]
public class PublishCostBenchmarks
{
    private Serializer _serializer = null!;
    private CatalogSnapshot _before = null!;
    private CatalogContent _export = null!;
    private CatalogDelta _delta = null!;

    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        (_before, var source) = CatalogData.Load(Scale);
        // A provider of middling size changes one offering's name, as a one-model write does.
        var target = _before.Providers.Select(p => _before.FindProvider(p.Id)!).OrderBy(p => p.Offerings.Count).ElementAt(_before.ProviderCount / 2);
        var changed = target with
        {
            Version = target.Version + 1,
            Offerings = [target.Offerings[0] with { Name = "Renamed" }, .. target.Offerings.AsSpan()[1..]],
        };
        var after = _before.WithProvider(changed.Provider.Id, changed, _before.Generation + 1);
        _export = new CatalogContent
        {
            Generation = after.Generation,
            Providers = after.Providers.Select(p => after.FindProvider(p.Id)!).ToEquatableArray(),
            Authors = after.Authors.Select(a => after.FindAuthor(a.Id)!).ToEquatableArray(),
        };
        _delta = new CatalogDelta
        {
            Since = _before.Generation,
            Generation = after.Generation,
            Providers = [changed],
            Notices = [new CatalogNotice { Generation = after.Generation, Providers = [changed.Provider.Id] }],
        };
        Console.WriteLine($"// catalog: {source}, x{Scale}: {_before.ModelCount} offerings, {_before.ProviderCount} providers; " +
            $"published: '{changed.Provider.Id}' ({changed.Offerings.Count} offerings)");
        Console.WriteLine($"// bytes per replica: whole export {_serializer.SerializeToArray(_export).Length:N0} B, " +
            $"delta {_serializer.SerializeToArray(_delta).Length:N0} B");
    }

    [Benchmark(Baseline = true, Description = "replica update: whole export + Build (before)")]
    public CatalogSnapshot WholeExport()
    {
        var content = _serializer.Deserialize<CatalogContent>(_serializer.SerializeToArray(_export))!;
        return CatalogSnapshot.Build(content.Generation, content.Providers, content.Authors);
    }

    [Benchmark(Description = "replica update: delta + structural sharing (now)")]
    public CatalogSnapshot Delta()
    {
        var delta = _serializer.Deserialize<CatalogDelta>(_serializer.SerializeToArray(_delta))!;
        return _before.WithChanges(delta.Generation, delta.Providers.Select(p => KeyValuePair.Create(p.Provider.Id, (ProviderDetails?)p)), []);
    }

    [Benchmark(Description = "delta + structural sharing + first query's model list")]
    public int DeltaThenList() => Delta().Models.Count;
}
