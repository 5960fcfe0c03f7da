using Microsoft.Extensions.Logging;

namespace Starmap.Silo;

/// <summary>
/// The grain calls a silo makes before it says it is ready. A silo joining a busy cluster can see one of them
/// time out (the grain lives on a loaded silo, or is still activating there); that is a reason to ask again,
/// not to fail the start. Any other error, and a timeout past the deadline, still fails the start.
/// </summary>
internal static partial class StartupCalls
{
    /// <summary>How long a start keeps asking again after timeouts before it gives up.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(2);

    public static async Task<T> AskAsync<T>(string what, Func<Task<T>> call, ILogger logger, TimeProvider time, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + patience;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call();
            }
            catch (TimeoutException) when (time.GetUtcNow() < deadline)
            {
                // The callee answered nothing within the response timeout: ask again, it will be there.
                LogTimedOut(logger, what, attempt);
            }
        }
    }

    public static Task AskAsync(string what, Func<Task> call, ILogger logger, TimeProvider time, TimeSpan patience, CancellationToken cancellationToken) =>
        AskAsync(what, async () => { await call(); return true; }, logger, time, patience, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start: {Call} did not answer in time (attempt {Attempt}); asking again")]
    private static partial void LogTimedOut(ILogger logger, string call, int attempt);
}
