using Starmap.Catalog.Formats;
using Starmap.Testing;

namespace Starmap.Catalog.Tests.Formats;

public sealed class StarmapRoundTripMeasureTests(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        var root = FormatFixtures.StarmapCatalog();
        using var temp = new TempFolder();
        StarmapFiles.Export(temp.Combine("out"), StarmapFiles.Import(root));
        var diff = CatalogTreeDiff.Compare(root, temp.Combine("out"));
        var summary = CatalogTreeDiff.Summarize(diff);
        output.WriteLine($"{diff.Count} differences at {summary.Count} paths, of {CatalogTreeDiff.CountValues(root)} values");
        foreach (var (k, v) in summary) output.WriteLine($"{v}\t{k}");
    }
}
