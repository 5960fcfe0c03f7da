using Orleans.TestingHost;
using Starmap.Catalog.Formats;
using Starmap.Testing;

namespace Starmap.Grains.Tests;

/// <summary>
/// The real Starmap on-disk catalog (../shared/fixtures/starmap-catalog) imported into a cluster,
/// exported back to files and read again gives the same catalog.
/// </summary>
public sealed class StarmapCatalogRoundTripTests : IAsyncLifetime
{
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
    public async Task Import_into_the_service_then_export_to_files_round_trips_the_real_catalog()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var files = StarmapFiles.Import(SharedFixtures.Path("starmap-catalog"));
        // The fixture's own counts (see tests/Starmap.Catalog.Tests/Formats for the per-file derivation).
        Assert.Equal((15, 104, 591, 613, 263),
            (files.ProviderCount, files.AuthorCount, files.DefinitionCount, files.OfferingCount, files.PricedOfferingCount));

        _cluster = TestClusters.Create(_data, silos: 1);
        await _cluster.DeployAsync(TestContext.Current.CancellationToken);
        var catalog = new StarmapCatalog(_cluster.Client);

        var imported = await catalog.ImportAsync(new CatalogContent { Providers = files.Providers, Authors = files.Authors });
        Assert.Equal(15, imported.Providers.Count); // every provider is new to this empty cluster
        var status = await catalog.GetStatusAsync();
        Assert.Equal((15, 104, 613, 591), (status.Providers, status.Authors, status.Offerings, status.Definitions));

        var export = await catalog.ExportAsync();
        StarmapFiles.Export(_export, export.Providers, export.Authors);
        var again = StarmapFiles.Import(_export);

        // Offerings gained timestamps in the service; everything the files hold is unchanged.
        Assert.Equal(Strip(files.Providers), Strip(again.Providers));
        Assert.Equal(files.Authors, again.Authors);
        Assert.Empty((await catalog.ImportAsync(new CatalogContent { Providers = again.Providers, Authors = again.Authors }, dryRun: true)).Providers);
    }

    private static EquatableArray<ProviderDetails> Strip(EquatableArray<ProviderDetails> providers) =>
        providers.Select(p => p with
        {
            Version = 0,
            Offerings = p.Offerings.Select(o => o with { CreatedAt = null, UpdatedAt = null }).ToEquatableArray(),
        }).ToEquatableArray();
}
