using System.Text;

namespace Starmap.Testing;

/// <summary>
/// One scripted response of <see cref="ReplayServer"/>: status, headers, a body from a string or a
/// file, an optional delay before the headers, and an optional cut-off that ends the connection
/// mid-body (the client sees a truncated response).
/// </summary>
public sealed record ReplayResponse
{
    /// <summary>HTTP status code.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Body text; ignored when <see cref="BodyFile"/> is set.</summary>
    public string? Body { get; init; }

    /// <summary>Path of a file whose bytes are the body.</summary>
    public string? BodyFile { get; init; }

    /// <summary>Content type of the body.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers (e.g. Retry-After).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (simulates a slow server).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send only this many body bytes, announcing the full length, then drop the connection.</summary>
    public int? TruncateAfterBytes { get; init; }

    /// <summary>A 200 JSON response with <paramref name="body"/>.</summary>
    public static ReplayResponse Json(string body) => new() { Body = body };

    /// <summary>A 200 JSON response whose body is the file at <paramref name="path"/>.</summary>
    public static ReplayResponse File(string path) => new() { BodyFile = path };

    /// <summary>A response with <paramref name="status"/> and an optional body.</summary>
    public static ReplayResponse WithStatus(int status, string? body = null) => new() { Status = status, Body = body };

    /// <summary>429 Too Many Requests with a Retry-After header (seconds or an HTTP date).</summary>
    public static ReplayResponse TooManyRequests(string retryAfter) => new()
    {
        Status = 429,
        Body = """{"error":"rate limited"}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    internal byte[] ReadBody() =>
        BodyFile is not null ? System.IO.File.ReadAllBytes(BodyFile) : Encoding.UTF8.GetBytes(Body ?? "");
}
