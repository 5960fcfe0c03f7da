using Starmap.Sync;

namespace Starmap.Grains.History;

/// <summary>
/// A provider or author put back to its state at an earlier generation, as one new write through its own
/// grain (so it is validated, versioned, published and recorded like any other), with the origin
/// <see cref="ChangeOrigins.Restore"/>. The write expects the version read here: a concurrent writer makes it
/// fail with a conflict rather than be overwritten unseen. An entity that did not exist then is deleted
/// only when forced.
/// </summary>
internal static class Restores
{
    public static async Task<RestoreResult> ProviderAsync(IGrainFactory grains, CatalogHistory history, string id, CatalogPoint point, bool dryRun, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var generation = await history.ResolveAsync(point);
        var then = (await history.AtAsync(generation)).FindProvider(id);
        var grain = grains.GetGrain<IProviderGrain>(id);
        var now = await grain.GetAsync();
        Check("provider", id, generation, then is null, now is null, force);
        var changes = Differ.Diff(now, then);
        var result = new RestoreResult
        {
            Entity = ChangeEntity.Provider,
            Id = id,
            RestoredTo = generation,
            DryRun = dryRun,
            Deleted = then is null,
            Changes = changes,
            Generation = (await history.RangeAsync()).Newest,
            Version = now?.Version ?? 0,
        };
        if (dryRun || (then is not null && changes.IsEmpty))
        {
            return result;
        }
        var write = await AsRestoreAsync(() => then is null ? grain.DeleteAsync() : grain.ReplaceAsync(then.Provider, then.Offerings, now?.Version));
        return result with { Generation = write.Generation, Version = then is null ? 0 : write.Version };
    }

    public static async Task<RestoreResult> AuthorAsync(IGrainFactory grains, CatalogHistory history, string id, CatalogPoint point, bool dryRun, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var generation = await history.ResolveAsync(point);
        var then = (await history.AtAsync(generation)).FindAuthor(id);
        var grain = grains.GetGrain<IAuthorGrain>(id);
        var now = await grain.GetAsync();
        Check("author", id, generation, then is null, now is null, force);
        var definitions = Differ.Diff(null, null, now?.Definitions ?? [], then?.Definitions ?? []);
        var kept = (then?.Definitions ?? []).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var record = Differ.Compare(now?.Author, then?.Author);
        var result = new RestoreResult
        {
            Entity = ChangeEntity.Author,
            Id = id,
            RestoredTo = generation,
            DryRun = dryRun,
            Deleted = then is null,
            Changes = definitions,
            Author = record.IsEmpty ? null : new EntityChange { Id = id, Fields = record },
            RemovedDefinitions = (now?.Definitions ?? []).Where(d => !kept.Contains(d.Id))
                .Select(d => new EntityChange { Id = d.Id, Fields = Differ.Compare(d, null) }).ToEquatableArray(),
            Generation = (await history.RangeAsync()).Newest,
            Version = now?.Version ?? 0,
        };
        if (dryRun || (then is not null && result.IsEmpty))
        {
            return result;
        }
        var write = await AsRestoreAsync(() => then is null ? grain.DeleteAsync() : grain.ReplaceAsync(then.Author, then.Definitions, now?.Version));
        return result with { Generation = write.Generation, Version = then is null ? 0 : write.Version };
    }

    private static void Check(string kind, string id, long generation, bool absentThen, bool absentNow, bool force)
    {
        if (absentThen && absentNow)
        {
            throw new StarmapNotFoundException(
                FormattableString.Invariant($"{kind} '{StarmapValidationException.Printable(id)}' was not found: it neither existed at generation {generation} nor exists now"));
        }
        if (absentThen && !force)
        {
            throw new StarmapException(FormattableString.Invariant(
                $"{kind} '{StarmapValidationException.Printable(id)}' did not exist at generation {generation}: restoring it to then means deleting it; ask with force to delete it (nothing was written)"));
        }
    }

    // The write's grain call carries the origin in its request context; the caller's own origin comes back after.
    private static async Task<WriteResult> AsRestoreAsync(Func<Task<WriteResult>> write)
    {
        var previous = RequestContext.Get(ChangeOrigins.RequestContextKey);
        RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Restore);
        try
        {
            return await write();
        }
        finally
        {
            if (previous is null)
            {
                RequestContext.Remove(ChangeOrigins.RequestContextKey);
            }
            else
            {
                RequestContext.Set(ChangeOrigins.RequestContextKey, previous);
            }
        }
    }
}
