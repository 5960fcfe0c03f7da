using Microsoft.Extensions.Logging;

namespace Starmap.Grains.Entities;

/// <summary>Log lines of the provider and author grains' shared write path.</summary>
internal static partial class EntityLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Id} is at version {Version}, catalog generation {Generation}")]
    public static partial void Published(ILogger logger, string kind, string id, long version, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Kind} {Id} failed; version stays {Version}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string kind, string id, long version);
}
