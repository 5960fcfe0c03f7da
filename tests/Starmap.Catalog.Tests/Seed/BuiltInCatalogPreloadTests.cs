using Starmap.Catalog.Seed;

namespace Starmap.Catalog.Tests.Seed;

/// <summary>The seed read started early is the built-in catalog, handed over once and not kept.</summary>
public sealed class BuiltInCatalogPreloadTests
{
    [Fact]
    public async Task A_started_read_hands_over_the_built_in_catalog_once_and_keeps_nothing()
    {
        BuiltInCatalogPreload.Start();
        var first = BuiltInCatalogPreload.TakeAsync();
        var second = BuiltInCatalogPreload.TakeAsync();
        // The second take found nothing started, so it read afresh: a different task, the same catalog.
        Assert.NotSame(first, second);
        var (early, fresh) = (await first, await second);
        Assert.Equal(BuiltInCatalog.Load().Version, early.Version);
        Assert.Equal(early.Providers.Count, fresh.Providers.Count);
        Assert.True(early.Providers.Count > 100);
    }
}
