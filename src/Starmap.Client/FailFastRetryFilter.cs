using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Starmap.Client;

/// <summary>Retries the first connection a few times with a short backoff, then gives up loudly.</summary>
internal sealed class FailFastRetryFilter(StarmapClientOptions options, ILogger? logger) : IClientConnectionRetryFilter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt >= options.ConnectAttempts || _clock.Elapsed >= options.ConnectTimeout)
        {
            logger?.LogError("{Message}", StarmapClientExtensions.Explain(options, exception).Message);
            return false;
        }
        await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
        return true;
    }
}
