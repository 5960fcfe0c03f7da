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
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            // Not pooled: the check's connection must be closed before the storage opens its own.
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            // quick_check reads every page (fast: it skips index content checks); one row "ok" when sound.
            command.CommandText = "PRAGMA quick_check(1);";
            var verdict = command.ExecuteScalar() as string;
            return string.Equals(verdict, "ok", StringComparison.Ordinal) ? null : verdict ?? "quick_check gave no answer";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }
}
