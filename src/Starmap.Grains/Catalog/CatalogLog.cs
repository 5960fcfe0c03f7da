using Microsoft.Extensions.Logging;

namespace Starmap.Grains.Catalog;

/// <summary>
/// The registry's and the replica's log lines, source-generated: the replica's lines sit on the publish
/// path (a notice per generation), where a template would be parsed and its arguments boxed on each call.
/// </summary>
internal static partial class CatalogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog activated at generation {Generation}: {Providers} providers, {Authors} authors, {Models} models")]
    public static partial void RegistryActivated(ILogger logger, long generation, int providers, int authors, int models);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Publish notice to a replica failed")]
    public static partial void NoticeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalog replica poll failed; retrying")]
    public static partial void ReplicaPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalog replica refresh to {Generation} failed; the poll retries")]
    public static partial void ReplicaRefreshFailed(ILogger logger, Exception exception, long generation);
}
