namespace Starmap.Sources;

/// <summary>
/// A source could not be read or returned unusable data. The message names the provider, the URL
/// (never with a key) and the reason; no part of it carries a secret.
/// </summary>
public sealed class SourceException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public SourceException() : base("source failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SourceException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SourceException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for <paramref name="providerId"/> read at <paramref name="location"/>.</summary>
    public SourceException(string providerId, string? location, string reason, Exception? innerException = null)
        : base(Compose(providerId, location, reason), innerException)
    {
        ProviderId = providerId;
        Location = location;
        Reason = reason;
    }

    /// <summary>Provider (or <c>models.dev</c>) that failed.</summary>
    public string? ProviderId { get; }

    /// <summary>URL read, without a key.</summary>
    public string? Location { get; }

    /// <summary>Why it failed.</summary>
    public string? Reason { get; }

    private static string Compose(string providerId, string? location, string reason) =>
        location is null ? $"{providerId}: {reason}" : $"{providerId}: GET {location}: {reason}";
}
