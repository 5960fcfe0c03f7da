using Microsoft.Extensions.Logging;
using Starmap.Grains.State;

namespace Starmap.Grains.Entities;

/// <summary>
/// The write path a provider grain and an author grain share: each is non-reentrant, persists a change
/// and publishes it to the registry in one turn, rolls its state back when storage refuses, checks an
/// expected version in the turn that writes, and republishes its stored state on activation (a crash
/// between persisting and publishing leaves the catalog one version behind; publishing is idempotent
/// by version and the registry never calls back, so this cannot deadlock).
/// </summary>
/// <typeparam name="TState">The stored state.</typeparam>
internal abstract class CatalogEntityGrain<TState>(IPersistentState<TState> state, ILogger logger) : Grain
    where TState : class, IEntityState<TState>, IEquatable<TState>
{
    /// <summary>The grain key: the provider or author ID.</summary>
    protected string Id => this.GetPrimaryKeyString();

    /// <summary>The state as stored (never half of a write).</summary>
    protected TState Current => state.State;

    /// <summary>"provider" or "author", for errors and logs.</summary>
    protected abstract string Kind { get; }

    private ICatalogRegistryGrain Registry => GrainFactory.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ValidateKey();
        if (state.RecordExists)
        {
            await PublishAsync(Registry, state.State);
        }
    }

    /// <summary>Refuses a grain key that is not a valid ID, before anything is read or written.</summary>
    protected abstract void ValidateKey();

    /// <summary>The logging scope of a published write: the entity's ID under its own name (ProviderId, AuthorId) and the generation.</summary>
    protected abstract IDisposable? BeginWriteScope(ILogger log, long generation);

    /// <summary>Publishes <paramref name="stored"/> (a state that is persisted) and returns the generation that includes it.</summary>
    protected abstract Task<long> PublishAsync(ICatalogRegistryGrain registry, TState stored);

    /// <summary>
    /// Refuses the write when <paramref name="expectedVersion"/> is given and is not the stored version.
    /// Checked in the turn that writes, so nothing can change the state between check and write.
    /// </summary>
    protected void CheckVersion(long? expectedVersion, string? kind = null, string? id = null)
    {
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            throw new StarmapConflictException(kind ?? Kind, id ?? Id, expected, state.State.Version);
        }
    }

    /// <summary>
    /// Persists <paramref name="next"/> as the next version and publishes it. An unchanged state is not
    /// stored again, but still published (idempotently), so the answer always names a generation that
    /// holds what the caller sees.
    /// </summary>
    protected async Task<WriteResult> CommitAsync(TState next)
    {
        // Value equality (the states are records), not reference equality.
        if (next.Equals(state.State))
        {
            var current = await PublishAsync(Registry, state.State);
            return new WriteResult { Changed = false, Version = state.State.Version, Generation = current };
        }

        await StoreAsync(next);
        var generation = await PublishAsync(Registry, state.State);
        using var scope = BeginWriteScope(logger, generation);
        EntityLog.Published(logger, Kind, Id, state.State.Version, generation);
        return new WriteResult { Changed = true, Version = state.State.Version, Generation = generation };
    }

    /// <summary>
    /// Persists <paramref name="next"/> as the next version without publishing. When storage refuses, the
    /// grain keeps serving what storage still holds, and the error is rethrown.
    /// </summary>
    protected async Task StoreAsync(TState next)
    {
        var previous = state.State;
        try
        {
            await state.WriteOrRollbackAsync(next.WithVersion(previous.Version + 1), this);
        }
        catch (Exception ex)
        {
            EntityLog.StoreFailed(logger, ex, Kind, Id, previous.Version);
            throw;
        }
    }
}
