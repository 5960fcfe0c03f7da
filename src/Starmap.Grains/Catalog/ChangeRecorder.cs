using Microsoft.Extensions.DependencyInjection;
using Starmap.Grains.Sync;
using Starmap.Sync.History;

namespace Starmap.Grains.Catalog;

/// <summary>
/// Writes each publish's changes to the change log (<see cref="IChangeLogStore"/>) for the registry, with
/// the time and the origin the writing surface put in the request context. A silo without a store
/// records nothing. The built-in catalog's seeding is the log's starting point, not a change: it is not
/// recorded (the catalog before it was empty and never served).
/// </summary>
internal sealed class ChangeRecorder(IServiceProvider services, TimeProvider clock)
{
    private readonly IChangeLogStore? _store = services.GetService<IChangeLogStore>();

    /// <summary>The store, when the silo has one.</summary>
    public IChangeLogStore? Store => _store;

    /// <summary>The origin of the write being published (<see cref="ChangeOrigins.Client"/> when no surface said).</summary>
    public static string CurrentOrigin =>
        RequestContext.Get(ChangeOrigins.RequestContextKey) is string { Length: > 0 } origin ? origin : ChangeOrigins.Client;

    /// <summary>
    /// Appends generation <paramref name="generation"/>'s changes; done before the generation is stored, so none
    /// is ever visible unrecorded. The diff is only computed when it is recorded (not for the seed's thousands
    /// of offerings, nor on a silo without a store). A sync's diff and append run on the sync's threads
    /// (<see cref="SyncWork"/>): the registry's turn waits for them, the reads do not.
    /// </summary>
    public Task RecordAsync(long generation, Func<IEnumerable<CatalogChange>> changes)
    {
        var origin = CurrentOrigin;
        if (_store is null || origin == ChangeOrigins.Seed)
        {
            return Task.CompletedTask;
        }
        var store = _store;
        var at = clock.GetUtcNow();
        return SyncWork.RunAsync(() => store.AppendAsync(ChangeBatches.Of(generation, at, origin, changes()))).Unwrap();
    }

    /// <summary>
    /// For a generation the registry publishes on activation because entity state is newer than it
    /// recorded (a publish lost to a crash): the changes the log already holds for it are kept where they
    /// lead to the stored version; every other entity gets an <see cref="ChangeKind.Unrecorded"/> change.
    /// </summary>
    public async Task RecordRecoveredAsync(long generation, IReadOnlyList<(ChangeEntity Entity, string Id, long PreviousVersion, long Version)> behind)
    {
        if (_store is null || behind.Count == 0)
        {
            return;
        }
        var logged = (await _store.ReadAfterAsync(generation - 1)).Where(c => c.Generation == generation).ToList();
        var changes = new List<CatalogChange>();
        foreach (var (entity, id, previous, version) in behind)
        {
            var recorded = logged.Where(c => c.Entity == entity && c.EntityId == id).ToList();
            if (recorded.Count > 0 && recorded.All(c => c.Version == version))
            {
                changes.AddRange(recorded);
            }
            else
            {
                changes.Add(new CatalogChange { Entity = entity, EntityId = id, Kind = ChangeKind.Unrecorded, PreviousVersion = previous, Version = version });
            }
        }
        var origin = logged.FirstOrDefault()?.Origin ?? ChangeOrigins.Client;
        await _store.AppendAsync(ChangeBatches.Of(generation, clock.GetUtcNow(), origin, changes));
    }
}
