using Microsoft.Extensions.Logging;

namespace Starmap.Sources.Http;

/// <summary>
/// The sources' log lines, source-generated: no boxing or template parsing per request. URLs here are
/// always <see cref="SourceHttp.Display"/> forms and reasons are scrubbed: no key reaches a log.
/// </summary>
internal static partial class SourceLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: GET {Url} answered {Status}")]
    public static partial void Answered(ILogger logger, string provider, string url, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: GET {Url} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string provider, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: GET {Url} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, string url, string reason, int retry, int maxRetries, string delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: {Source} skipped: {Reason}")]
    public static partial void SourceSkipped(ILogger logger, string provider, string source, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: {Source} failed: {Message}")]
    public static partial void SourceFailed(ILogger logger, string provider, string source, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void SourceMissedDeadline(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Provider}: {Source} failed unexpectedly")]
    public static partial void SourceCrashed(ILogger logger, Exception exception, string provider, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}; using the snapshot read at {FetchedAt:O} ({Age} old)")]
    public static partial void UsingStaleSnapshot(ILogger logger, string message, DateTimeOffset fetchedAt, string age);

    [LoggerMessage(Level = LogLevel.Information, Message = "models.dev: read {Providers} providers, {Models} models from {Url}")]
    public static partial void ModelsDevRead(ILogger logger, int providers, int models, string url);
}
