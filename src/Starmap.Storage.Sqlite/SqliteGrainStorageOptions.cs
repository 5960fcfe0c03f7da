using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace Starmap.Storage.Sqlite;

public sealed class SqliteGrainStorageOptions
{
    /// Folder holding the database file; created on first use. Relative paths resolve against the working directory.
    public string DataDirectory { get; set; } = "";

    public string FileName { get; set; } = "starmap.db";

    /// How long a statement waits for another connection or process to release the write lock.
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where a write's serializing and statement run: on the scheduler this returns for the current call, or, when it
    /// returns null (or is not set), on the caller's thread. The silo hands the writes a sync makes to the sync's
    /// low-priority threads, so they do not take the cores from reads.
    /// </summary>
    public Func<TaskScheduler?>? WriteScheduler { get; set; }

    internal string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    internal void Validate(string storageName)
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new OrleansConfigurationException($"SQLite grain storage '{storageName}': DataDirectory must be set.");
        }

        if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new OrleansConfigurationException($"SQLite grain storage '{storageName}': FileName '{FileName}' is not a valid file name.");
        }

        if (BusyTimeout <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"SQLite grain storage '{storageName}': BusyTimeout must be positive.");
        }
    }

    internal string BuildConnectionString() => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; keep both limits in step.
        DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
    }.ToString();
}
