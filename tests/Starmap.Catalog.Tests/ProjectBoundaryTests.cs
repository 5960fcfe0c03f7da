using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests;

/// <summary>The core catalog project stands alone: sync and the file formats build on it, never the other way.</summary>
public sealed class ProjectBoundaryTests
{
    [Fact]
    public void The_core_references_neither_sync_nor_the_file_formats_nor_the_sources()
    {
        var references = typeof(CatalogSnapshot).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Starmap.Abstractions", references);
        Assert.DoesNotContain("Starmap.Sync", references);
        Assert.DoesNotContain("Starmap.Formats", references);
        Assert.DoesNotContain("Starmap.Sources", references);
        Assert.DoesNotContain("YamlDotNet", references);
    }

    [Fact]
    public void Sync_and_the_file_formats_do_not_depend_on_each_other()
    {
        var sync = typeof(Starmap.Sync.Reconciler).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        var formats = typeof(Starmap.Formats.StarmapFiles).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("Starmap.Formats", sync);
        Assert.DoesNotContain("Starmap.Sync", formats);
    }
}
