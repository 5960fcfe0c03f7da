using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Starmap.Http;

/// <summary>
/// Applies <see cref="StarmapHttpOptions.MaxRequestBodyBytes"/> before any endpoint runs. Kestrel alone
/// only enforces the limit when a body is read: a GET carrying an unread over-limit body got its whole
/// (large) page, then Kestrel's drain of the body hit the limit and it closed the socket with request bytes
/// unread, so the TCP reset cut the page the client was still reading. Here such a request is answered 413
/// in the error shape, and a body the server refuses is read and dropped first (bounded) so the client can
/// finish sending and the connection closes cleanly instead of resetting. A GET, HEAD, DELETE or OPTIONS
/// body (routes that ignore it) is drained before the route answers, whatever its framing (chunked too).
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, StarmapHttpOptions options)
{
    /// <summary>
    /// Most bytes of a refused body read and dropped so the 413 is not lost to a reset; past this the server
    /// answers without reading (bandwidth is not spent on arbitrarily large bodies) and a reset may follow.
    /// </summary>
    internal const long DrainBytes = 8L * 1024 * 1024;

    /// <summary>Longest time spent dropping a refused body.</summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var large = context.GetEndpoint()?.Metadata.GetMetadata<LargeRequestBody>() is not null;
        var (limit, setting) = large
            ? (options.MaxImportBytes, nameof(StarmapHttpOptions.MaxImportBytes))
            : (options.MaxRequestBodyBytes, nameof(StarmapHttpOptions.MaxRequestBodyBytes));
        var declared = context.Request.ContentLength;
        var hasBody = declared > 0 || (declared is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);
        var bodiless = hasBody && IsBodilessMethod(context.Request.Method);
        if (declared > limit || bodiless)
        {
            if (declared > DrainBytes)
            {
                // Too large to drop: refuse unread, closing the connection (the client may see a reset).
                await RefuseAsync(context, limit, setting, drained: false);
                return;
            }
            var (read, complete) = await DrainAsync(context, size, declared > limit);
            if (declared > limit || read > limit || !complete)
            {
                await RefuseAsync(context, limit, setting, drained: complete);
                return;
            }
        }
        if (!large && size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }
        await next(context);
    }

    // Routes of these methods never read a body; an unread one must not outlive the response.
    private static bool IsBodilessMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsDelete(method) || HttpMethods.IsOptions(method);

    /// <summary>Reads and drops the body (at most <see cref="DrainBytes"/>); its length and whether it ended.</summary>
    private static async Task<(long Read, bool Complete)> DrainAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? size, bool refused)
    {
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = DrainBytes;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (refused)
        {
            deadline.CancelAfter(DrainTime);
        }
        var buffer = new byte[16 * 1024];
        long read = 0;
        try
        {
            int count;
            while ((count = await context.Request.Body.ReadAsync(buffer, deadline.Token)) > 0)
            {
                read += count;
            }
            return (read, true);
        }
        catch (BadHttpRequestException)
        {
            return (read, false); // past DrainBytes (chunked) or malformed framing: refuse without reading on
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return (read, false); // a slow sender of a refused body: answer without waiting for the rest
        }
    }

    private static Task RefuseAsync(HttpContext context, long limit, string setting, bool drained)
    {
        if (!drained)
        {
            // Request bytes are left unread: this connection cannot carry another request.
            context.Response.Headers.Connection = "close";
        }
        var method = context.Request.Method;
        var message = IsBodilessMethod(method)
            ? $"the request body is over the {limit}-byte limit (Starmap:Http:{setting}); a {method} request needs no body"
            : $"the request body is over the {limit}-byte limit (Starmap:Http:{setting}); nothing was done";
        return HttpError.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "payload_too_large", message, "body");
    }
}

/// <summary>
/// Marks the one route whose body may exceed <see cref="StarmapHttpOptions.MaxRequestBodyBytes"/> (the import,
/// capped by <see cref="StarmapHttpOptions.MaxImportBytes"/>); it sets its own limit as it reads.
/// </summary>
internal sealed record LargeRequestBody;
