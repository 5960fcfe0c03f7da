using Microsoft.Data.Sqlite;

namespace Starmap.Storage.Sqlite;

internal static class SqliteConnections
{
    /// <summary>Opens a connection with the settings every Starmap statement relies on.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per-connection settings: pooled connections keep them, but a fresh physical connection starts without.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = FormattableString.Invariant(
                $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
