namespace Starmap.PowerShell;

/// <summary>What kind of failure a <see cref="StarmapCommandException"/> reports; cmdlets map it to an error category.</summary>
public enum FailureKind
{
    /// <summary>No connection: Connect-Starmap was not run, or was undone.</summary>
    NotConnected,
    /// <summary>No silo answered, or the cluster went away.</summary>
    Connection,
    /// <summary>The thing asked for does not exist.</summary>
    NotFound,
    /// <summary>An argument or filter broke a rule.</summary>
    InvalidArgument,
    /// <summary>A file or payload could not be read.</summary>
    InvalidData,
    /// <summary>The entity changed underneath the write.</summary>
    Conflict,
    /// <summary>The service refused the operation (e.g. a sync guard).</summary>
    Rejected,
    /// <summary>Anything else.</summary>
    Failed,
}

/// <summary>
/// A failure the Engine reports to the cmdlets with a stable error ID (<c>ModelNotFound</c>,
/// <c>InvalidFilter</c>, ...). The cmdlets cannot see the contract exception types, which live in the
/// module's private load context, so every failure crosses the boundary as this type.
/// </summary>
public sealed class StarmapCommandException : Exception
{
    /// <summary>Creates the error.</summary>
    public StarmapCommandException() : this(FailureKind.Failed, "StarmapError", "Starmap operation failed") { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapCommandException(string message) : this(FailureKind.Failed, "StarmapError", message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapCommandException(string message, Exception innerException)
        : this(FailureKind.Failed, "StarmapError", message, null, innerException) { }

    /// <summary>Creates the error.</summary>
    public StarmapCommandException(FailureKind kind, string errorId, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorId = errorId;
        Target = target;
    }

    /// <summary>Kind of failure.</summary>
    public FailureKind Kind { get; }

    /// <summary>Stable error ID, e.g. <c>ProviderNotFound</c>.</summary>
    public string ErrorId { get; }

    /// <summary>What the failure is about (an ID, a path).</summary>
    public object? Target { get; }
}
