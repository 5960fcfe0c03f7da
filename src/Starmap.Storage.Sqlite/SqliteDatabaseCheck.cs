using Microsoft.Data.Sqlite;

namespace Starmap.Storage.Sqlite;

/// <summary>
/// Reads an existing database file through before a silo starts on it, so a truncated or overwritten
/// file stops the start with SQLite's own words instead of failing later inside a grain call.
/// </summary>
public static class SqliteDatabaseCheck
{
    /// <summary>The database file of <paramref name="options"/>, as the storage opens it.</summary>
    public static string DatabasePath(SqliteGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DatabasePath;
    }

    /// <summary>
    /// Null when the file is missing (a new store) or SQLite finds it sound (<c>PRAGMA quick_check</c>);
    /// otherwise what SQLite said.
    /// </summary>
    public static string? FindProblem(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (!File.Exists(databasePath))
        {
            return null;
        }
        // Not pooled: the check's connection must be closed before the storage opens its own.
        // quick_check reads every page (fast: it skips index content checks); one row "ok" when sound.
        return Ask(databasePath, SqliteOpenMode.ReadWrite, "PRAGMA quick_check(1);",
            verdict => string.Equals(verdict as string, "ok", StringComparison.Ordinal) ? null : verdict as string ?? "quick_check gave no answer");
    }

    /// <summary>
    /// Null when the database file opens read-only and answers (its schema version); otherwise what SQLite
    /// said. Opens afresh each time (no pool), so a file deleted or replaced since is noticed.
    /// </summary>
    public static string? FindReadProblem(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return Ask(databasePath, SqliteOpenMode.ReadOnly, "PRAGMA schema_version;", _ => null);
    }

    /// <summary>Runs one pragma on an unpooled connection; SQLite's error message when it cannot.</summary>
    private static string? Ask(string databasePath, SqliteOpenMode mode, string pragma, Func<object?, string?> problem)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = mode, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            return problem(command.ExecuteScalar());
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }
}
