namespace Starmap.Storage.Sqlite;

/// Raised when a stored record cannot be turned back into grain state (corrupt or incompatible payload).
public sealed class SqliteGrainStorageException : Exception
{
    public SqliteGrainStorageException()
    {
    }

    public SqliteGrainStorageException(string message)
        : base(message)
    {
    }

    public SqliteGrainStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
