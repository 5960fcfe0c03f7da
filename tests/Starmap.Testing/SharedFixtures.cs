namespace Starmap.Testing;

/// <summary>
/// Locates the recorded real-world fixtures in <c>../shared/fixtures</c> beside the repository
/// (the folder holding <c>Starmap.Orleans.sln</c>). A fresh clone may lack it; tests over it skip
/// themselves then, and run wherever it exists (CI always has it). A git worktree sits one level
/// deeper than the clone, so the parents of the repository are searched too, and
/// <c>STARMAP_SHARED_FIXTURES</c> overrides the search.
/// </summary>
public static class SharedFixtures
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    /// <summary>Absolute path of the fixtures folder, or null when it is absent.</summary>
    public static string? Root => RootPath.Value;

    /// <summary>True when the fixtures folder exists.</summary>
    public static bool Available => Root is not null;

    /// <summary>Why tests over the shared fixtures are skipped here.</summary>
    public const string SkipReason = "../shared/fixtures is not present beside the repository";

    /// <summary>Absolute path of a file or folder inside the fixtures folder.</summary>
    public static string Path(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException(SkipReason);
        return System.IO.Path.Combine([root, .. parts]);
    }

    private static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable("STARMAP_SHARED_FIXTURES") is { Length: > 0 } overridden)
        {
            return Directory.Exists(overridden) ? System.IO.Path.GetFullPath(overridden) : null;
        }
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(System.IO.Path.Combine(repository.FullName, "Starmap.Orleans.sln")))
        {
            repository = repository.Parent;
        }
        for (var dir = repository?.Parent; dir is not null; dir = dir.Parent)
        {
            var fixtures = System.IO.Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(fixtures))
            {
                return fixtures;
            }
        }
        return null;
    }
}
