namespace Starmap;

/// <summary>
/// A point in history the catalog cannot be read at: older than the change log keeps (or than an
/// unrecorded change), or newer than the newest generation. Names the generations that can be read.
/// </summary>
[GenerateSerializer, Alias("starmap.history-range-error")]
public sealed class StarmapHistoryRangeException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public StarmapHistoryRangeException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapHistoryRangeException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapHistoryRangeException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="requested"/> outside [<paramref name="oldestReadable"/>, <paramref name="newest"/>].</summary>
    public StarmapHistoryRangeException(string requested, long oldestReadable, long newest, bool tooNew, string? why = null)
        : base($"{requested} cannot be read: {(tooNew ? "it is newer than the catalog" : why ?? "it is older than the change log keeps")}; " +
            FormattableString.Invariant($"the catalog can be read at generations {oldestReadable} to {newest}"))
    {
        OldestReadable = oldestReadable;
        Newest = newest;
        TooNew = tooNew;
    }

    /// <summary>The oldest generation that can be read.</summary>
    [Id(0)] public long OldestReadable { get; private set; }

    /// <summary>The newest generation.</summary>
    [Id(1)] public long Newest { get; private set; }

    /// <summary>True when the point asked for is in the future (a bad request) rather than past retention (gone).</summary>
    [Id(2)] public bool TooNew { get; private set; }
}
