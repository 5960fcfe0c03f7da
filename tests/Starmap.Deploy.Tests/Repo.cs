using System.Runtime.CompilerServices;

namespace Starmap.Deploy.Tests;

/// <summary>Paths in the repository these tests check (found from this source file, not the bin folder).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every file under deploy/, as repository-relative paths with forward slashes.</summary>
    public static IReadOnlyList<string> DeployFiles() =>
        Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.EndsWith("/.env", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot([CallerFilePath] string file = "")
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Starmap.Orleans.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException($"no Starmap.Orleans.sln above {file}");
    }
}
