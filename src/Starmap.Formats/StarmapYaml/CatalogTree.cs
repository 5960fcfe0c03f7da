namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Walks a catalog folder without following symbolic links: a link anywhere below the root (a file or a
/// folder, wherever it points) is refused naming it and its target, so no file outside the folder can be
/// imported through one. Exports never write links, so a catalog Starmap wrote always passes.
/// </summary>
internal static class CatalogTree
{
    /// <summary>Sub-folders of <paramref name="folder"/>, sorted; a linked one is refused.</summary>
    public static IEnumerable<string> Folders(string root, string folder) =>
        new DirectoryInfo(folder).EnumerateDirectories().Select(d => Checked(root, d).FullName).Order(StringComparer.Ordinal);

    /// <summary>Every file below <paramref name="folder"/> (all depths), sorted; any link on the way is refused.</summary>
    public static List<string> Files(string root, string folder)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                Checked(root, entry);
                if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True when <paramref name="path"/> is a regular file (not a link); a link is refused.</summary>
    public static bool IsFile(string root, string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return false;
        }
        Checked(root, info);
        return info.Exists;
    }

    /// <summary>True when <paramref name="path"/> is a real folder (not a link); a link is refused.</summary>
    public static bool IsFolder(string root, string path)
    {
        var info = new DirectoryInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return false;
        }
        Checked(root, info);
        return info.Exists;
    }

    /// <summary>The path relative to the catalog folder with <c>/</c>, as messages name files.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static T Checked<T>(string root, T entry) where T : FileSystemInfo
    {
        if (entry.LinkTarget is { } target)
        {
            throw new CatalogFileException(Relative(root, entry.FullName), null, null,
                $"is a symbolic link (to '{target}'); links in a catalog folder are not followed, so the catalog was not imported");
        }
        return entry;
    }
}
