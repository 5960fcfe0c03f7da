namespace Starmap.Silo;

/// <summary>The data folder's lock, held until disposed, and the database check begun when it was taken.</summary>
public sealed class EmbeddedStore : IDisposable
{
    private readonly IDisposable? _folderLock;
    private readonly Task<string?> _check;

    internal EmbeddedStore(IDisposable? folderLock, Task<string?> check)
    {
        _folderLock = folderLock;
        _check = check;
    }

    /// <summary>
    /// Waits for the database check: null when the file is sound or missing (a new store), else the one
    /// line for the operator, and the folder's lock is released. Call it before the host starts, so the
    /// storage never opens a file SQLite cannot read.
    /// </summary>
    public string? FindDatabaseProblem()
    {
        var problem = _check.GetAwaiter().GetResult();
        if (problem is not null)
        {
            Dispose();
        }
        return problem;
    }

    /// <inheritdoc/>
    public void Dispose() => _folderLock?.Dispose();
}
