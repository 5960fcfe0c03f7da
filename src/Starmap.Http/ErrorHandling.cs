using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Starmap.Http;

/// <summary>
/// Turns exceptions into the one error shape. Messages are Starmap's own; unexpected errors say nothing of
/// their cause. A client error logs at most one debug line (never a stack), so bad requests cannot grow
/// the log; only <c>internal</c> (a bug) logs an error with its stack.
/// </summary>
internal sealed partial class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    /// <summary>Seconds a client is told to wait after a 503 or 504 (Orleans recovers from a lost silo in seconds).</summary>
    internal const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            var (status, code, message, parameter) = Classify(ex);
            if (status >= StatusCodes.Status500InternalServerError && code == "internal")
            {
                LogUnexpected(ex, Loggable(context.Request.Method), Loggable(context.Request.Path.Value));
            }
            else
            {
                LogClientError(Loggable(context.Request.Method), Loggable(context.Request.Path.Value), status, code, Loggable(message));
            }
            if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await HttpError.WriteAsync(context, status, code, message, parameter);
        }
    }

    /// <summary>The answer for <paramref name="ex"/>, looking through Orleans' and the runtime's wrappers.</summary>
    internal static (int Status, string Code, string Message, string? Parameter) Classify(Exception ex)
    {
        foreach (var cause in Causes(ex))
        {
            switch (cause)
            {
                case HttpParameterException p:
                    return (StatusCodes.Status400BadRequest, p.Code, p.Message, p.Parameter);
                case StarmapValidationException v:
                    var parameter = ParameterNames.Of(v.Field);
                    return (StatusCodes.Status400BadRequest, "invalid_parameter", v.Message.Replace(v.Field, parameter, StringComparison.Ordinal), parameter);
                case StarmapNotFoundException n:
                    return (StatusCodes.Status404NotFound, "not_found", n.Message, null);
                case StarmapHistoryRangeException h:
                    // In the future: a bad request; past the change log's retention: gone.
                    return h.TooNew
                        ? (StatusCodes.Status400BadRequest, "out_of_range", h.Message, null)
                        : (StatusCodes.Status410Gone, "out_of_retention", h.Message, null);
                case StarmapException s:
                    return (StatusCodes.Status409Conflict, "conflict", s.Message, null);
                case InconsistentStateException:
                    // Another writer (silo, process) changed the stored state since this one read it.
                    return (StatusCodes.Status409Conflict, "conflict", "the entity was changed by another writer while this request wrote it; read it again and retry", null);
                case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } b:
                    // A chunked body that grows past the limit while a route reads it: said as RequestBodyLimit says a declared one.
                    return (b.StatusCode, "payload_too_large",
                        $"the request body is over the limit (Starmap:Http:MaxRequestBodyBytes; Starmap:Http:MaxImportBytes for an import); nothing was done ({b.Message})", "body");
                case BadHttpRequestException b:
                    return (b.StatusCode, "bad_request", b.Message, null);
                case TimeoutException:
                    return (StatusCodes.Status504GatewayTimeout, "timeout", $"the cluster did not answer in time; retry in {RetryAfterSeconds} s", null);
                case OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException or Orleans.Runtime.Messaging.ConnectionFailedException:
                    // SiloUnavailableException is a rejection: the silo holding the grain is gone or going.
                    return (StatusCodes.Status503ServiceUnavailable, "unavailable", $"the cluster is not available right now; retry in {RetryAfterSeconds} s", null);
            }
        }
        return (StatusCodes.Status500InternalServerError, "internal", "an unexpected error occurred; the silo log has the details", null);
    }

    /// <summary><paramref name="ex"/>, then what it wraps (aggregates and inner exceptions), outermost first.</summary>
    private static IEnumerable<Exception> Causes(Exception ex)
    {
        var pending = new Queue<Exception>([ex]);
        for (var seen = 0; pending.Count > 0 && seen < 16; seen++)
        {
            var cause = pending.Dequeue();
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Enqueue(inner);
            }
        }
    }

    /// <summary>Request text made safe for one log line: escaped (no forged lines, no reordering) and capped.</summary>
    internal static string Loggable(string? text) =>
        StarmapValidationException.Escape(text is { Length: > 200 } ? text[..200] + "…" : text ?? "");

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} {Code}: {ErrorMessage}")]
    private partial void LogClientError(string method, string path, int status, string code, string errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
