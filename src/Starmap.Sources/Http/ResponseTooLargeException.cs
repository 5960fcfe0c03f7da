namespace Starmap.Sources.Http;

/// <summary>An answer past the size cap: not retried, since the next answer would be as big.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
    {
    }

    public ResponseTooLargeException(string message) : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
