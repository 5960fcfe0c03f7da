using System.Text;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Writes a catalog's files into a folder without ever touching a file that is not a catalog file.
/// A new folder is written as a hidden sibling and renamed into place, so readers never see half of it.
/// An existing folder must be empty unless <c>overwrite</c> is set; then only its catalog files
/// (<see cref="IsCatalogFile"/>: what an import reads) are replaced, and catalog files the new catalog no
/// longer holds are removed, so the folder imports as exactly what was exported. Everything else
/// (<c>.git</c>, a README, logos beside <c>models/</c>) stays. Files are staged first and the old ones
/// moved aside, so a failure puts every file back as it was. Links are never followed or written through.
/// </summary>
internal static class AtomicFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Catalog files that are not model files; model files live under these folders' <owner>/models/.
    private static readonly string[] TopFiles = ["providers.yaml", "authors.yaml", .. StarmapFiles.DocumentPaths];
    private static readonly string[] ModelFolders = ["providers", "authors"];

    private static readonly EnumerationOptions NoLinks = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = false,
    };

    public static void Replace(string root, IReadOnlyDictionary<string, string> files, bool overwrite)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (File.Exists(target))
        {
            throw new IOException($"'{target}' is a file, not a folder");
        }
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"cannot export to '{target}'");
        // As Out-File does: the folder may be new, its parent must exist (a typo must not create a tree).
        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"the parent folder '{parent}' of '{target}' does not exist");
        }
        var exists = Directory.Exists(target);
        if (exists && !overwrite && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"'{target}' is not empty; refusing to write into it (use -Force to replace only its catalog files)");
        }

        var stamp = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.export-{stamp}");
        try
        {
            Write(staging, files);
            if (!exists)
            {
                Directory.Move(staging, target);
                return;
            }
            var backup = Path.Combine(parent, $".{Path.GetFileName(target)}.previous-{stamp}");
            Swap(target, staging, backup, [.. files.Keys]);
            TryDelete(backup);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>True for a path (relative, '/'-separated) that an import reads as part of the catalog.</summary>
    internal static bool IsCatalogFile(string relative)
    {
        if (TopFiles.Contains(relative, StringComparer.Ordinal))
        {
            return true;
        }
        var parts = relative.Split('/');
        return parts.Length >= 4 && ModelFolders.Contains(parts[0], StringComparer.Ordinal) && parts[2] == "models"
            && relative.EndsWith(".yaml", StringComparison.Ordinal);
    }

    private static void Write(string staging, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(staging);
        foreach (var (relative, content) in files)
        {
            if (!IsCatalogFile(relative))
            {
                // The exporter and this rule must agree, or a re-export would leave the file behind.
                throw new InvalidOperationException($"'{relative}' is not a catalog file path");
            }
            var path = Path.Combine(staging, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, Utf8);
        }
    }

    // Moves the old catalog files aside, the new ones in, and on any failure undoes both.
    private static void Swap(string target, string staging, string backup, IReadOnlyList<string> incoming)
    {
        var old = ExistingCatalogFiles(target);
        var movedAside = new List<string>();
        var placed = new List<string>();
        var created = new List<string>();
        try
        {
            foreach (var relative in old)
            {
                MoveFile(Combine(target, relative), Combine(backup, relative), created: null);
                movedAside.Add(relative);
            }
            foreach (var relative in incoming)
            {
                MoveFile(Combine(staging, relative), Combine(target, relative), created);
                placed.Add(relative);
            }
        }
        catch
        {
            foreach (var relative in placed)
            {
                TryDeleteFile(Combine(target, relative));
            }
            foreach (var folder in Enumerable.Reverse(created))
            {
                TryDeleteEmptyFolder(folder);
            }
            foreach (var relative in movedAside)
            {
                File.Move(Combine(backup, relative), Combine(target, relative));
            }
            throw;
        }
        // Folders that only held removed model files go too (never the root, never a non-empty one).
        var kept = incoming.ToHashSet(StringComparer.Ordinal);
        foreach (var relative in old.Where(r => !kept.Contains(r)))
        {
            for (var folder = Path.GetDirectoryName(Combine(target, relative)); folder is not null && folder.Length > target.Length; folder = Path.GetDirectoryName(folder))
            {
                if (!TryDeleteEmptyFolder(folder))
                {
                    break;
                }
            }
        }
    }

    // The catalog files in an existing folder, found without following links (a linked folder is refused).
    private static List<string> ExistingCatalogFiles(string target)
    {
        var found = TopFiles.Where(f => File.Exists(Path.Combine(target, f))).ToList();
        foreach (var top in ModelFolders)
        {
            var folder = Path.Combine(target, top);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            RefuseLink(folder);
            foreach (var owner in Directory.EnumerateDirectories(folder, "*", NoLinks))
            {
                var models = Path.Combine(owner, "models");
                if (Directory.Exists(models))
                {
                    RefuseLink(models);
                    Collect(models, target, found);
                }
            }
        }
        RefuseLinkedOwners(target);
        return found;
    }

    private static void Collect(string folder, string target, List<string> found)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", NoLinks))
        {
            found.Add(Path.GetRelativePath(target, file).Replace(Path.DirectorySeparatorChar, '/'));
        }
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", NoLinks))
        {
            Collect(sub, target, found);
        }
    }

    // An owner folder that is a link would take new model files out of the catalog folder.
    private static void RefuseLinkedOwners(string target)
    {
        foreach (var top in ModelFolders)
        {
            var folder = Path.Combine(target, top);
            if (Directory.Exists(folder))
            {
                foreach (var owner in Directory.EnumerateDirectories(folder))
                {
                    RefuseLink(owner);
                }
            }
        }
    }

    private static void RefuseLink(string path)
    {
        if (new DirectoryInfo(path) is { Exists: true, LinkTarget: not null })
        {
            throw new IOException($"'{path}' is a link; refusing to write through it");
        }
    }

    private static string Combine(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static void MoveFile(string from, string to, List<string>? created)
    {
        var folder = Path.GetDirectoryName(to)!;
        var missing = new Stack<string>();
        for (var f = folder; !Directory.Exists(f); f = Path.GetDirectoryName(f)!)
        {
            missing.Push(f);
        }
        foreach (var f in missing)
        {
            Directory.CreateDirectory(f);
            created?.Add(f);
        }
        File.Move(from, to, overwrite: false);
    }

    private static bool TryDeleteEmptyFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
                return true;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return false;
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Only ever called on the hidden staging and backup folders this class created.
    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind only if the file system refuses; it is hidden and never read as a catalog.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
