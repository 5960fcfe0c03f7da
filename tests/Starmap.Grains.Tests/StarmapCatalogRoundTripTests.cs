using Orleans.TestingHost;
using Starmap.Formats;
using Starmap.Testing;

namespace Starmap.Grains.Tests;

/// <summary>
/// A Starmap catalog folder imported into a real cluster (grains, SQLite storage), exported back to
/// files: the two folders are compared value by value and may differ only by the normalizations
/// docs/starmap-roundtrip.md lists. Over the real Starmap catalog (../shared/fixtures/starmap-catalog)
/// where present, and over the invented catalog shipped with the format tests.
/// </summary>
public sealed class StarmapCatalogRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static string ShippedCatalog => Path.GetFullPath(Path.Combine(
        RepositoryPaths.SourceFolder(), "..", "Starmap.Catalog.Tests", "Formats", "Fixtures", "roundtrip-catalog"));

    private readonly string _data = TestData.NewDirectory("roundtrip");
    private readonly string _export = TestData.NewDirectory("roundtrip-export");
    private InProcessTestCluster? _cluster;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        TestData.Delete(_data);
        TestData.Delete(_export);
    }

    [Fact]
    public async Task Import_into_the_service_then_export_to_files_gives_back_every_value_of_the_real_catalog()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var source = SharedFixtures.Path("starmap-catalog");
        var files = StarmapFiles.Import(source);
        // The fixture's own counts (see tests/Starmap.Catalog.Tests/Formats for the per-file derivation).
        Assert.Equal((15, 104, 591, 613, 263),
            (files.ProviderCount, files.AuthorCount, files.DefinitionCount, files.OfferingCount, files.PricedOfferingCount));

        var catalog = await StartAsync();
        var imported = await catalog.ImportAsync(new CatalogContent { Providers = files.Providers, Authors = files.Authors, Documents = files.Documents });
        Assert.Equal(15, imported.Providers.Count); // every provider is new to this empty cluster
        var status = await catalog.GetStatusAsync();
        Assert.Equal((15, 104, 613, 591), (status.Providers, status.Authors, status.Offerings, status.Definitions));

        var again = await ExportAndCompareAsync(catalog, source, "starmap-catalog");

        // The records read back equal the ones imported: nothing restamped, nothing lost in storage.
        Assert.Equal(WithoutVersions(files.Providers), WithoutVersions(again.Providers));
        Assert.Equal(files.Authors, again.Authors);
        Assert.Empty((await catalog.ImportAsync(new CatalogContent { Providers = again.Providers, Authors = again.Authors }, dryRun: true)).Providers);
    }

    [Fact]
    public async Task Import_into_the_service_then_export_to_files_gives_back_every_value_of_the_shipped_catalog()
    {
        var files = StarmapFiles.Import(ShippedCatalog);
        var catalog = await StartAsync();
        await catalog.ImportAsync(new CatalogContent { Providers = files.Providers, Authors = files.Authors, Documents = files.Documents });

        // Served as imported: the file's times, not the import's.
        var served = await catalog.Providers.GetModelAsync("skyhost", "nimbus-2");
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 10, 0, 0, TimeSpan.Zero), served.CreatedAt);
        Assert.Equal(["fast", "pro"], served.Modes.Select(m => m.Name));

        await ExportAndCompareAsync(catalog, ShippedCatalog, "roundtrip-catalog");
    }

    private async Task<StarmapCatalog> StartAsync()
    {
        _cluster = TestClusters.Create(_data, silos: 1);
        await _cluster.DeployAsync(TestContext.Current.CancellationToken);
        return new StarmapCatalog(_cluster.Client);
    }

    private async Task<ImportedCatalog> ExportAndCompareAsync(StarmapCatalog catalog, string source, string fixture)
    {
        var export = await catalog.ExportAsync();
        var folder = Path.Combine(_export, fixture);
        StarmapFiles.Export(folder, export.Providers, export.Authors, documents: export.Documents);

        var differences = CatalogTreeDiff.Compare(source, folder);
        var summary = CatalogTreeDiff.Summarize(differences);
        foreach (var (key, count) in summary)
        {
            output.WriteLine($"{count}\t{key}");
        }
        var problem = RoundTripAllowList.Check(summary, RoundTripAllowList.For(fixture));
        Assert.True(problem is null, problem);
        return StarmapFiles.Import(folder);
    }

    private static EquatableArray<ProviderDetails> WithoutVersions(EquatableArray<ProviderDetails> providers) =>
        providers.Select(p => p with { Version = 0 }).ToEquatableArray();
}
