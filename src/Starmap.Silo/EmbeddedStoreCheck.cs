using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Starmap.Silo.Clustering;
using Starmap.Storage.Sqlite;

namespace Starmap.Silo;

/// <summary>
/// What an embedded silo checks before it starts anything: its settings, that no other independent silo
/// uses the data folder (it then holds the folder's lock until the process ends), and that the database
/// file there is readable. Each failure is one line for the operator, never a stack trace.
/// </summary>
public static class EmbeddedStoreCheck
{
    /// <summary>
    /// True with the opened store: the held folder lock (none when none is needed: Redis modes, or a silo
    /// joining a primary) and the database check, begun on its own thread so it reads the file while the
    /// host is built; or false with the one-line <paramref name="problem"/> (settings, the folder's lock).
    /// Ask <see cref="EmbeddedStore.FindDatabaseProblem"/> before the host starts.
    /// </summary>
    public static bool TryOpen(IConfiguration configuration, [NotNullWhen(true)] out EmbeddedStore? held, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        held = null;
        problem = null;
        StarmapSiloOptions options;
        try
        {
            options = StarmapSiloOptionsValidator.Read(configuration);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // InvalidOperationException: the binder's own, a value of the wrong type (it names the key).
            problem = $"starmap: {ex.Message}";
            return false;
        }
        if (options.Clustering != ClusteringMode.Embedded)
        {
            held = new EmbeddedStore(null, Task.FromResult<string?>(null));
            return true;
        }

        DataFolderLock? folderLock = null;
        try
        {
            // A joining silo shares the primary's folder on purpose; only the primary holds the lock.
            folderLock = options.PrimarySiloPort is null ? DataFolderLock.Acquire(options.DataDirectory) : null;
        }
        catch (DataFolderInUseException ex)
        {
            problem = $"starmap: {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"starmap: the data folder '{Path.GetFullPath(options.DataDirectory)}' cannot be used: {ex.Message}";
            return false;
        }

        var database = SqliteDatabaseCheck.DatabasePath(new SqliteGrainStorageOptions { DataDirectory = options.DataDirectory });
        // PRAGMA quick_check reads every page and the first SQLite call loads its native library: begun now on
        // its own thread (the host build takes the pool's few threads on two cores), it overlaps the build.
        var check = new Task<string?>(() => Describe(database), TaskCreationOptions.LongRunning);
        check.Start(TaskScheduler.Default);
        held = new EmbeddedStore(folderLock, check);
        return true;
    }

    private static string? Describe(string database) =>
        SqliteDatabaseCheck.FindProblem(database) is { } sqlite
            ? $"starmap: the database '{database}' cannot be used: SQLite says: {sqlite.TrimEnd('.')}. " +
              "Start with another --data-dir (an empty folder is seeded afresh), or move the file away and restore an export (Import-StarmapCatalog)."
            : null;
}
