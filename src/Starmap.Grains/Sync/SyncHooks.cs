namespace Starmap.Grains.Sync;

/// <summary>
/// Points in a sync where tests inject faults (a crash between fetch and apply). The default does
/// nothing; production never replaces it.
/// </summary>
public class SyncHooks
{
    /// <summary>Runs after everything is fetched and computed, just before anything is written.</summary>
    public virtual Task BeforeApplyAsync(string providerId) => Task.CompletedTask;

    /// <summary>Runs between reading an author and writing the sync's batch of its definitions.</summary>
    public virtual Task BeforeAuthorWriteAsync(string authorId) => Task.CompletedTask;
}
