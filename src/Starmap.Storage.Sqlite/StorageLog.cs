using Microsoft.Extensions.Logging;

namespace Starmap.Storage.Sqlite;

/// <summary>The storage's log lines on the write path, source-generated.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message}")]
    public static partial void EtagConflict(ILogger logger, string message);
}
