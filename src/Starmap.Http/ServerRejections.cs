using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Starmap.Http;

/// <summary>
/// Gives the requests Kestrel rejects before any middleware runs (a NUL in the path: 400; a URL over
/// 8 KB: 414; headers over 32 KB: 431; ...) the one error shape. Kestrel answers those with an empty
/// body and offers no hook, so a connection middleware rewrites that one response on its way out: a
/// status of 400 or more with <c>Content-Length: 0</c>, <c>Connection: close</c> and no <c>Content-Type</c>,
/// which the API's own errors (always a JSON body) never are.
/// </summary>
public static class ServerRejections
{
    /// <summary>Rewrites Kestrel's empty rejections on this endpoint's connections.</summary>
    public static ListenOptions UseStarmapErrorShape(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var output = new RejectionRewriter(transport.Output);
            connection.Transport = new DuplexPipe(transport.Input, output);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
        return listen;
    }

    /// <summary>The JSON body for a rejection with <paramref name="status"/>.</summary>
    internal static byte[] Body(int status)
    {
        var (code, message) = status switch
        {
            400 => ("bad_request", "the request could not be read: its request line or headers are malformed (for example a control character or an encoded NUL in the path)"),
            408 => ("request_timeout", "the request did not arrive in time"),
            411 => ("length_required", "the request needs a Content-Length or chunked body"),
            413 => ("payload_too_large", "the request body is too large"),
            414 => ("uri_too_long", "the request line is too long: the method, URL and version must fit in 8 KB"),
            431 => ("headers_too_large", "the request headers are too large: at most 32 KB and 100 headers"),
            505 => ("http_version_not_supported", "use HTTP/1.1"),
            >= 500 => ("internal", "an unexpected error occurred; the silo log has the details"),
            _ => ("bad_request", "the request was refused by the server"),
        };
        return JsonSerializer.SerializeToUtf8Bytes(new HttpError { Error = new HttpErrorBody { Code = code, Message = message } }, HttpJson.Options);
    }

    /// <summary>
    /// When <paramref name="response"/> is one whole empty-bodied rejection (status line and headers only),
    /// the same response with a JSON body; else null.
    /// </summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> response)
    {
        // "HTTP/1.1 431 ...\r\n" + headers + "\r\n\r\n", nothing after: small, whole, bodiless.
        if (response.Length is < 17 or > 1024 || !response.StartsWith("HTTP/1.1 "u8) || !response.EndsWith("\r\n\r\n"u8)
            || response.IndexOf("\r\n\r\n"u8) != response.Length - 4)
        {
            return null;
        }
        if (!int.TryParse(Encoding.ASCII.GetString(response.Slice(9, 3)), NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 400)
        {
            return null;
        }
        var head = Encoding.ASCII.GetString(response[..^2]);
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        bool Has(string header) => lines.Any(l => l.Equals(header, StringComparison.OrdinalIgnoreCase));
        if (!Has("Content-Length: 0") || !Has("Connection: close") || lines.Any(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var body = Body(status);
        var rewritten = new StringBuilder();
        foreach (var line in lines)
        {
            rewritten.Append(line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                ? string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}")
                : line).Append("\r\n");
        }
        rewritten.Append("Content-Type: application/json; charset=utf-8\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(rewritten.ToString()), .. body];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Collects what Kestrel writes until it flushes, then passes it on, rewritten when it is a rejection.</summary>
    private sealed class RejectionRewriter(PipeWriter inner) : PipeWriter
    {
        // A connection keeps its buffer between answers up to this size: a page of the model list is ~70 KB, and a
        // buffer let go after each such answer made every request grow a new one (~260 KB of garbage a request). A
        // larger buffer (a whole export) is let go.
        private const int KeptCapacity = 256 * 1024;
        private ArrayBufferWriter<byte> _pending = new(4096);

        // Kestrel asks how much is waiting (System.Text.Json flushes by it).
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            PassOn();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            PassOn();
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            PassOn();
            return inner.FlushAsync(cancellationToken);
        }

        private void PassOn()
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }
            var written = _pending.WrittenSpan;
            if (Rewrite(written) is { } rewritten)
            {
                inner.Write(rewritten);
            }
            else
            {
                inner.Write(written);
            }
            // A large answer (a whole export) must not pin its buffer for the connection's lifetime.
            if (_pending.Capacity > KeptCapacity)
            {
                _pending = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                _pending.ResetWrittenCount();
            }
        }
    }
}
