using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>Where the format tests' inputs are: the small catalog shipped here, and the shared real-world fixtures.</summary>
internal static class FormatFixtures
{
    /// <summary>The hand-written catalog copied next to the test assembly.</summary>
    public static string SmallCatalog => Path.Combine(AppContext.BaseDirectory, "Formats", "Fixtures", "small-catalog");

    /// <summary>
    /// <c>../shared/fixtures</c> beside the folder holding Starmap.Orleans.sln, or null when absent. Ancestors
    /// further up are tried too, so a git worktree (<c>/work/wt/x</c>) finds the clone's <c>/work/shared</c>.
    /// </summary>
    public static string? Shared { get; } = FindShared();

    /// <summary>The Go Starmap catalog from the shared fixtures; skips the test when the folder is absent.</summary>
    public static string StarmapCatalog()
    {
        Assert.SkipUnless(Shared is not null, "../shared/fixtures is not present (CI always has it)");
        var path = Path.Combine(Shared!, "starmap-catalog");
        Assert.SkipUnless(Directory.Exists(path), $"{path} is not present");
        return path;
    }

    /// <summary>The catalog's records without the values they kept from their files (as records made in the service).</summary>
    public static (EquatableArray<ProviderDetails> Providers, EquatableArray<AuthorDetails> Authors) WithoutFileValues(ImportedCatalog catalog) =>
        (catalog.Providers.Select(p => p with
        {
            Provider = p.Provider with { Unmodelled = [] },
            Offerings = p.Offerings.Select(o => o with { Unmodelled = [] }).ToEquatableArray(),
        }).ToEquatableArray(),
        catalog.Authors.Select(a => a with
        {
            Author = a.Author with { Unmodelled = [] },
            Definitions = a.Definitions.Select(d => d with { Unmodelled = [] }).ToEquatableArray(),
        }).ToEquatableArray());

    /// <summary>The import's warnings without their counts and places.</summary>
    public static IEnumerable<string> WarningKinds(ImportedCatalog catalog) =>
        catalog.Warnings.Select(w => w[..w.LastIndexOf(" (", StringComparison.Ordinal)]);

    private static string? FindShared()
    {
        var solution = new DirectoryInfo(AppContext.BaseDirectory);
        while (solution is not null && !File.Exists(Path.Combine(solution.FullName, "Starmap.Orleans.sln")))
        {
            solution = solution.Parent;
        }
        for (var dir = solution?.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A fresh folder under the temp directory, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "starmap-formats-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
