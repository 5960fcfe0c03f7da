namespace Starmap.Client;

/// <summary>No Starmap silo answered, or the one that answered belongs to another cluster.</summary>
public sealed class StarmapConnectionException : Exception
{
    /// <summary>Creates the error.</summary>
    public StarmapConnectionException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapConnectionException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapConnectionException(string message, Exception innerException) : base(message, innerException) { }
}
