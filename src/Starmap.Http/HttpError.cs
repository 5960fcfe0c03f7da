using Microsoft.AspNetCore.Http;

namespace Starmap.Http;

/// <summary>The one error shape of every route: <c>{"error":{"code","parameter","message"}}</c>.</summary>
public sealed record HttpError
{
    /// <summary>The error.</summary>
    public required HttpErrorBody Error { get; init; }

    /// <summary>An error result with <paramref name="status"/>.</summary>
    public static IResult Result(int status, string code, string message, string? parameter = null) =>
        Results.Json(Create(code, message, parameter), HttpJson.Options, statusCode: status);

    /// <summary>A 400 naming the query parameter.</summary>
    public static IResult InvalidParameter(string parameter, string message) =>
        Result(StatusCodes.Status400BadRequest, "invalid_parameter", message, parameter);

    /// <summary>A 404.</summary>
    public static IResult NotFound(string message) => Result(StatusCodes.Status404NotFound, "not_found", message);

    /// <summary>Writes the error directly (middleware paths that have no endpoint result).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, string? parameter = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(code, message, parameter), HttpJson.Options, context.RequestAborted);
    }

    private static HttpError Create(string code, string message, string? parameter) =>
        new() { Error = new HttpErrorBody { Code = code, Parameter = parameter, Message = message } };
}

/// <summary>What went wrong.</summary>
public sealed record HttpErrorBody
{
    /// <summary>Stable machine-readable code: invalid_parameter, not_found, unauthorized, forbidden, rate_limited...</summary>
    public required string Code { get; init; }

    /// <summary>The query parameter or body field at fault, when one is.</summary>
    public string? Parameter { get; init; }

    /// <summary>What happened and, where useful, how to fix it.</summary>
    public required string Message { get; init; }
}
