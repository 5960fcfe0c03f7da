using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Starmap.Sources.Http;

/// <summary>
/// The sources' resilience pipeline, from <see cref="SourceOptions"/>: retries with exponential backoff
/// (no jitter) on 408, 429, 5xx, attempt timeouts and broken connections, honouring Retry-After (seconds
/// or an HTTP date) capped at <see cref="SourceOptions.MaxRetryDelay"/>; each attempt, body included,
/// within <see cref="SourceOptions.RequestTimeout"/>. The fetch-wide <see cref="SourceOptions.Deadline"/>
/// is the caller's cancellation, which ends any wait.
/// </summary>
internal static class SourceResilience
{
    public const string PipelineName = "sources";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceOptions options, TimeProvider time, ILogger logger)
    {
        // Polly wants at least one retry; zero retries is simply no retry strategy.
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome, options.MaxRetryDelay, time)),
                OnRetry = args =>
                {
                    if (args.Context.GetRequestMessage()?.Options.TryGetValue(SourceAttempt.Key, out var attempt) == true)
                    {
                        SourceLog.Retrying(logger, attempt.Call.ProviderId, attempt.Display,
                            Secrets.Scrub(Reason(args.Outcome, attempt, options), attempt.Call.Secret),
                            args.AttemptNumber + 1, options.MaxRetries, SourceHttp.Format(args.RetryDelay));
                    }
                    return ValueTask.CompletedTask;
                },
            });
        }
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout });
    }

    /// <summary>408, 429, 5xx, an attempt's timeout, or a failed or cut-off connection; never the caller's cancellation or an oversized answer.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && outcome switch
        {
            { Result: { } response } => IsTransient(response.StatusCode),
            { Exception: HttpRequestException or IOException or TimeoutRejectedException } => true,
            _ => false,
        };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The server's Retry-After, capped; null lets the exponential backoff decide.</summary>
    public static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, TimeSpan cap, TimeProvider time) =>
        outcome.Result is { } response && RetryAfter.Read(response.Headers, time.GetUtcNow()) is { } wait
            ? (wait > cap ? cap : wait)
            : null;

    /// <summary>Why an attempt failed, as the retry log line and the final error say it.</summary>
    public static string Reason(Outcome<HttpResponseMessage> outcome, SourceAttempt attempt, SourceOptions options) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(),
        { Exception: { } ex } => Reason(ex, attempt, options),
        _ => "unknown failure",
    };

    public static string Reason(Exception ex, SourceAttempt attempt, SourceOptions options) => ex switch
    {
        TimeoutRejectedException => $"no complete response within {SourceHttp.Format(options.RequestTimeout)}",
        // After the headers, a broken connection (reset, or "response ended prematurely") means the
        // body was cut off; before them, the request itself failed.
        _ when attempt.ReadingBody || ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "response cut off: " + ex.Message,
        _ => "request failed: " + ex.Message,
    };
}
