using Microsoft.Extensions.Logging;

namespace Starmap.Grains.Sync;

/// <summary>The sync grains' and the sync engine's log lines, source-generated (one per sync run; nothing parsed per call).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of {ProviderId} ({Trigger}): {Status}, {Changes} changes{Reason}")]
    public static partial void SyncFinished(ILogger logger, string providerId, string trigger, SyncStatus status, int changes, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled sync of {ProviderId} failed")]
    public static partial void ScheduledSyncFailed(ILogger logger, Exception? exception, string providerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sync reminder of {ProviderId} could not be read; its next run is shown as unknown")]
    public static partial void ReminderUnreadable(ILogger logger, Exception exception, string providerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of {ProviderId} applied {Changes} changes as version {Version}, catalog generation {Generation}")]
    public static partial void SyncApplied(ILogger logger, string providerId, int changes, long version, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {ProviderId} failed")]
    public static partial void SyncFailed(ILogger logger, Exception exception, string providerId);
}
