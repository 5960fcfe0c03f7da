using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace Starmap.Http;

/// <summary>
/// Versioned asset URLs for the web catalog. Every asset is also served under <c>/v/{version}/</c>, where the
/// version is a hash of all embedded assets: a build that changes any asset changes it. The page shell
/// (index.html, always revalidated) names its scripts and style by that path, so browsers keep them for good
/// (<c>immutable</c>) and a repeat visit asks for none of them; the scripts' relative imports resolve under the
/// same versioned folder, so a page never mixes two builds' scripts.
/// </summary>
internal static partial class WebCatalogShell
{
    /// <summary>The path prefix of versioned assets.</summary>
    public const string Prefix = "/v/";

    /// <summary>The current assets' version: 12 hex digits of the SHA-256 of every asset's name and bytes.</summary>
    public static string Version { get; } = Hash(WebCatalog.Files);

    /// <summary>index.html with its local script and style references moved under the versioned path.</summary>
    public static byte[] Html { get; } = Rewrite(WebCatalog.Files);

    private static string Hash(IFileProvider files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.GetDirectoryContents("").Where(f => !f.IsDirectory).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Name + "\0"));
            using var stream = file.CreateReadStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            sha.AppendData(copy.ToArray());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static byte[] Rewrite(IFileProvider files)
    {
        using var stream = files.GetFileInfo("index.html").CreateReadStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = LocalAsset().Replace(reader.ReadToEnd(), m => $"{m.Groups[1].Value}=\"v/{Version}/{m.Groups[2].Value}\"");
        return Encoding.UTF8.GetBytes(html);
    }

    // src="app.js", href="app.css": a bare file name of this folder (not data:, ./, ?view= or openapi/v1.json).
    [GeneratedRegex("""\b(src|href)="([a-z][a-z0-9-]*\.(?:js|css))"(?=[\s>])""")]
    private static partial Regex LocalAsset();
}
