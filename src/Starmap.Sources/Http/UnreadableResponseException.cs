namespace Starmap.Sources.Http;

/// <summary>
/// An answer whose body cannot be used: past the size cap, or not in the compression its Content-Encoding
/// names. Not retried: the next answer would be the same.
/// </summary>
internal sealed class UnreadableResponseException : Exception
{
    public UnreadableResponseException()
    {
    }

    public UnreadableResponseException(string message) : base(message)
    {
    }

    public UnreadableResponseException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
