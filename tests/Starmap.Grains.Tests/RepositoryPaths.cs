using System.Runtime.CompilerServices;

namespace Starmap.Grains.Tests;

internal static class RepositoryPaths
{
    /// <summary>The source folder of the calling file (checked-in samples live next to their tests).</summary>
    public static string SourceFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
