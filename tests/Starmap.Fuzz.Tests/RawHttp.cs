using System.IO.Compression;
using System.Net.Sockets;
using System.Text;

namespace Starmap.Fuzz.Tests;

/// <summary>
/// HTTP/1.1 over a bare socket, one request per connection. HttpClient would escape, normalise or
/// refuse what a hostile client sends (raw "..", NUL, unknown methods, malformed header lines), so the
/// fuzzer writes the request bytes itself and reads the answer up to the server's close.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> to 127.0.0.1:<paramref name="port"/> and reads the answer.</summary>
    public static async Task<RawResponse> SendAsync(int port, byte[] request, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient { NoDelay = true };
        var received = new MemoryStream();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, deadline.Token);
            var stream = client.GetStream();
            try
            {
                await stream.WriteAsync(request, deadline.Token);
            }
            catch (IOException)
            {
                // The server may answer and close before it read the whole request (413, 431): read what it said.
            }
            var buffer = new byte[16 * 1024];
            var headChecked = false;
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, deadline.Token);
                }
                catch (IOException) when (received.Length > 0)
                {
                    break; // reset after the answer: the answer still counts
                }
                if (read == 0)
                {
                    break;
                }
                received.Write(buffer, 0, read);
                // An event stream never ends: its headers are the answer.
                if (!headChecked && RawResponse.HasHead(received))
                {
                    headChecked = true;
                    if (RawResponse.TryParse(received.ToArray(), complete: false) is { IsEventStream: true } streaming)
                    {
                        return streaming;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // A success still streaming (an event stream, a live trace) is an answer; anything else that never ends is not.
            return RawResponse.TryParse(received.ToArray(), complete: false, headOnly: true) is { Status: >= 200 and < 300 } streaming
                ? streaming with { Truncated = true }
                : RawResponse.NoAnswer($"no complete answer within {timeout.TotalSeconds:0} s ({received.Length} bytes received)");
        }
        catch (SocketException ex)
        {
            return RawResponse.NoAnswer("connection failed: " + ex.SocketErrorCode);
        }
        catch (IOException ex) when (received.Length == 0)
        {
            return RawResponse.NoAnswer("connection reset before any answer: " + ex.Message);
        }
        return RawResponse.TryParse(received.ToArray(), complete: true)
            ?? RawResponse.NoAnswer(received.Length == 0 ? "connection closed without an answer" : "unparsable answer: " + Excerpt(received.ToArray()));
    }

    private static string Excerpt(byte[] bytes) => Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 120));
}

/// <summary>An answer: status, headers (names lower-cased), the decoded body; or why there was none.</summary>
internal sealed record RawResponse
{
    public int Status { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public byte[] Body { get; init; } = [];

    /// <summary>The body was still coming when the fuzzer stopped reading (a stream).</summary>
    public bool Truncated { get; init; }

    /// <summary>Set when no HTTP answer came (timeout, reset, garbage).</summary>
    public string? Failure { get; init; }

    public bool IsEventStream => Header("content-type")?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static RawResponse NoAnswer(string why) => new() { Failure = why };

    /// <summary>True once the header block is complete.</summary>
    public static bool HasHead(MemoryStream received) => IndexOf(received.GetBuffer().AsSpan(0, (int)received.Length), "\r\n\r\n"u8) >= 0;

    /// <summary>Parses a response; with <paramref name="complete"/> false it returns only a header block already received.</summary>
    public static RawResponse? TryParse(byte[] bytes, bool complete, bool headOnly = false)
    {
        var end = IndexOf(bytes, "\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }
        var head = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var statusParts = head[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusParts[1], out var status))
        {
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }
        var response = new RawResponse { Status = status, Headers = headers };
        if (response.IsEventStream || headOnly)
        {
            return response;
        }
        if (!complete)
        {
            return null;
        }
        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        return response with { Body = Decode(body, headers.GetValueOrDefault("content-encoding")) };
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = IndexOf(body.AsSpan(position), "\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }
            var sizeText = Encoding.Latin1.GetString(body, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }
            position += lineEnd + 2;
            output.Write(body, position, Math.Min(size, body.Length - position));
            position += size + 2;
        }
        return output.ToArray();
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (body.Length == 0 || string.IsNullOrEmpty(encoding))
        {
            return body;
        }
        using Stream decoder = encoding.Trim().ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => new MemoryStream(body),
        };
        var output = new MemoryStream();
        try
        {
            decoder.CopyTo(output);
        }
        catch (InvalidDataException)
        {
            return body;
        }
        return output.ToArray();
    }

    private static int IndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> pattern) => bytes.IndexOf(pattern);
}
