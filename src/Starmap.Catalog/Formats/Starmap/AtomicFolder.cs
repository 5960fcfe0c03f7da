using System.Text;

namespace Starmap.Catalog.Formats;

/// <summary>
/// Replaces a folder with a new set of files so that readers see the old tree or the new one, never a
/// half-written one: files are written to a hidden sibling folder, which is then renamed into place
/// (the old tree is renamed aside first and deleted after). A failure removes the sibling and leaves
/// the old tree as it was.
/// </summary>
internal static class AtomicFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Replace(string root, IReadOnlyDictionary<string, string> files)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (File.Exists(target))
        {
            throw new IOException($"'{target}' is a file, not a folder");
        }
        // The whole folder is replaced, so refuse one that holds something other than a catalog.
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, "providers.yaml")) && !File.Exists(Path.Combine(target, "authors.yaml")))
        {
            throw new IOException($"'{target}' is not empty and holds no providers.yaml or authors.yaml; refusing to replace it");
        }
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"cannot export to '{target}'");
        var name = Path.GetFileName(target);
        var stamp = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(parent, $".{name}.export-{stamp}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (relative, content) in files)
            {
                var path = Path.Combine(staging, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content, Utf8);
            }
            if (!Directory.Exists(target))
            {
                Directory.Move(staging, target);
                return;
            }
            var previous = Path.Combine(parent, $".{name}.previous-{stamp}");
            Directory.Move(target, previous);
            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                Directory.Move(previous, target);
                throw;
            }
            TryDelete(previous);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

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
