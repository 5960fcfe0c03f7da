namespace Starmap.Testing;

/// <summary>A request <see cref="ReplayServer"/> received, so tests can assert what was sent where.</summary>
public sealed record RecordedRequest
{
    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Raw query string including the leading <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    /// <summary>Query parameters (first value of each).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>Request headers (values joined with <c>, </c>), case-insensitive names.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>When the server received it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Path and query as sent.</summary>
    public string PathAndQuery => Path + QueryString;

    /// <summary>The header's value, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
