namespace Starmap.Fuzz.Tests;

/// <summary>
/// The web catalog's static files (src/Starmap.Http/wwwroot, embedded in the silo), by the path the silo
/// serves them at; "/" is the page shell, index.html. The anonymous fuzz allows exactly these, byte for byte,
/// to answer without the key.
/// </summary>
internal static class WebCatalogFiles
{
    /// <summary>
    /// The page shell's body without the asset version the silo puts in front of its script and style names
    /// (<c>src="v/0123456789ab/app.js"</c>): then it must be the file's bytes. Other files are as they are.
    /// </summary>
    public static byte[] Unversioned(string path, byte[] body) =>
        path is "/" or "/index.html"
            ? System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(
                System.Text.Encoding.UTF8.GetString(body), "(src|href)=\"v/[0-9a-f]{12}/", "$1=\""))
            : body;

    /// <summary>Every static path and the bytes it must answer.</summary>
    public static IReadOnlyDictionary<string, byte[]> ByPath { get; } = Load();

    private static Dictionary<string, byte[]> Load()
    {
        // tests/Starmap.Fuzz.Tests/bin/<Configuration>/net10.0/ → src/Starmap.Http/wwwroot/
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(root, "src", "Starmap.Http", "wwwroot");
        var files = Directory.GetFiles(folder).ToDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        if (!files.TryGetValue("/index.html", out var shell))
        {
            throw new FileNotFoundException($"the web catalog's index.html is missing from {folder}");
        }
        files["/"] = shell;
        return files;
    }
}
