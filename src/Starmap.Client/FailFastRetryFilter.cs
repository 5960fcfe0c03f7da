using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Starmap.Client;

/// <summary>
/// Retries the first connection until the connect timeout (the caller's, e.g. Connect-Starmap -TimeoutSec)
/// has passed, or the optional attempt cap is reached, then gives up loudly. Orleans' own default retries
/// for minutes, so a wrong cluster ID would look like a silent hang.
/// </summary>
internal sealed class FailFastRetryFilter(StarmapClientOptions options, ILogger? logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        var left = options.ConnectTimeout - _clock.Elapsed;
        if (attempt >= options.ConnectAttempts || left <= TimeSpan.Zero)
        {
            logger?.LogError("{Message}", StarmapClientExtensions.Explain(options, exception).Message);
            return false;
        }
        // Back off a little more each time, never past the timeout: the last attempt lands at its end.
        var backoff = TimeSpan.FromMilliseconds(Math.Min(250.0 * attempt, MaxBackoff.TotalMilliseconds));
        await Task.Delay(backoff < left ? backoff : left, cancellationToken);
        return true;
    }
}
