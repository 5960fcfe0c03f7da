using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Starmap.Http;

/// <summary>Turns exceptions into the one error shape. Messages are Starmap's own; unexpected errors say nothing of their cause.</summary>
internal sealed class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            await (ex switch
            {
                HttpParameterException p => HttpError.WriteAsync(context, StatusCodes.Status400BadRequest, p.Code, p.Message, p.Parameter),
                StarmapValidationException v => HttpError.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_parameter",
                    v.Message.Replace(v.Field, ModelQueryParser.ParameterOf(v.Field), StringComparison.Ordinal), ModelQueryParser.ParameterOf(v.Field)),
                StarmapNotFoundException n => HttpError.WriteAsync(context, StatusCodes.Status404NotFound, "not_found", n.Message),
                StarmapException s => HttpError.WriteAsync(context, StatusCodes.Status409Conflict, "conflict", s.Message),
                BadHttpRequestException b => HttpError.WriteAsync(context, b.StatusCode,
                    b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "payload_too_large" : "bad_request", b.Message),
                _ => Unexpected(context, ex),
            });
        }
    }

    private Task Unexpected(HttpContext context, Exception ex)
    {
        logger.LogError(ex, "Unexpected error answering {Method} {Path}", context.Request.Method, context.Request.Path);
        return HttpError.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal", "an unexpected error occurred; the silo log has the details");
    }
}
