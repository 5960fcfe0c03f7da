using System.Globalization;

namespace Starmap.Storage.Sqlite;

/// <summary>
/// Marks a data folder as one silo's: an OS lock on <c>starmap.lock</c> in the folder, held for the
/// process's life, with the holder's process ID written in the file. The lock is the operating system's
/// (a record lock on the file), so it dies with the process: a silo killed with <c>kill -9</c> leaves a
/// file behind but no lock, and the next start takes it over. Silos that join a primary on purpose
/// (<c>--primary-silo-port</c>) share its folder and do not take it.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "starmap.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>Full path of the lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the folder's lock, creating the folder when missing.</summary>
    /// <exception cref="DataFolderInUseException">Another process holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var folder = System.IO.Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, FileName);
        // Elsewhere a shared open (never truncating) plus a record lock, so a refused process can still read
        // who holds it; macOS has no record locks in .NET, so there the open itself is exclusive.
        var mac = OperatingSystem.IsMacOS();
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, mac ? FileShare.None : FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException) when (mac)
        {
            throw new DataFolderInUseException(folder, path, holderProcessId: null);
        }
        try
        {
            try
            {
                if (!mac)
                {
                    file.Lock(0, 1);
                }
            }
            catch (IOException)
            {
                throw new DataFolderInUseException(folder, path, ReadHolder(file));
            }
            file.SetLength(0);
            var text = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
            file.Write(System.Text.Encoding.ASCII.GetBytes(text));
            file.Flush(flushToDisk: true);
            return new DataFolderLock(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock (the file stays; its stale PID means nothing without the lock).</summary>
    public void Dispose() => _file.Dispose();

    private static int? ReadHolder(FileStream file)
    {
        try
        {
            file.Position = 0;
            var buffer = new byte[32];
            var read = file.Read(buffer);
            var text = System.Text.Encoding.ASCII.GetString(buffer, 0, read).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null; // some platforms refuse reads of a locked range; the folder is still named
        }
    }
}

/// <summary>Another process holds a data folder's <see cref="DataFolderLock"/>.</summary>
public sealed class DataFolderInUseException : IOException
{
    public DataFolderInUseException(string folder, string lockFile, int? holderProcessId)
        : base($"The data folder '{folder}' is in use by {(holderProcessId is { } pid ? $"process {pid}" : "another process")} " +
               $"(it holds {lockFile}). Stop that silo, start this one with another --data-dir, or join it with --primary-silo-port <its silo port>.")
    {
        Folder = folder;
        HolderProcessId = holderProcessId;
    }

    public DataFolderInUseException()
    {
        Folder = "";
    }

    public DataFolderInUseException(string message)
        : base(message)
    {
        Folder = "";
    }

    public DataFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Folder = "";
    }

    /// <summary>The folder in use.</summary>
    public string Folder { get; }

    /// <summary>The holder's process ID, when its lock file says.</summary>
    public int? HolderProcessId { get; }
}
