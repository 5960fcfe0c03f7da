using Microsoft.Extensions.Logging;
using Starmap.Catalog.Snapshot;
using Starmap.Grains.State;
using Starmap.Sync.History;

namespace Starmap.Grains.Catalog;

/// <summary>
/// The catalog registry. Holds one immutable <see cref="CatalogSnapshot"/> and swaps it on each publish
/// (sharing what the publish did not change), so read-only calls (which may interleave with each other)
/// always see one generation. Publishes are serialized by the grain's turns; each bumps and persists the
/// generation first, then records what it changed in the journal and announces it to the replicas.
/// </summary>
[GrainType(GrainTypes.Registry)]
internal sealed class CatalogRegistryGrain(
    [PersistentState("catalog", StorageNames.Catalog)] IPersistentState<CatalogRegistryState> state,
    CatalogStateLoader loader,
    ChangeRecorder recorder,
    TimeProvider clock,
    ILogger<CatalogRegistryGrain> logger) : Grain, ICatalogRegistryGrain
{
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;
    private Dictionary<string, long> _providerVersions = new(StringComparer.Ordinal);
    private Dictionary<string, long> _authorVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<ICatalogObserver, DateTimeOffset> _observers = [];
    private CatalogJournal _journal = new(0);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var providers = new List<ProviderDetails>();
        var authors = new List<AuthorDetails>();
        var moved = new List<(ChangeEntity, string, long, long)>();

        // Entity state is the source of truth: a version newer than the registry recorded means a
        // publish was lost to a crash, and this activation publishes it now.
        foreach (var entry in state.State.Providers)
        {
            var stored = await loader.ReadProviderAsync(entry.Id);
            var version = stored?.Version ?? entry.Version;
            if (version != entry.Version)
            {
                moved.Add((ChangeEntity.Provider, entry.Id, entry.Version, version));
            }
            _providerVersions[entry.Id] = version;
            if (stored?.ToDetails() is { } details)
            {
                providers.Add(details);
            }
        }
        foreach (var entry in state.State.Authors)
        {
            var stored = await loader.ReadAuthorAsync(entry.Id);
            var version = stored?.Version ?? entry.Version;
            if (version != entry.Version)
            {
                moved.Add((ChangeEntity.Author, entry.Id, entry.Version, version));
            }
            _authorVersions[entry.Id] = version;
            if (stored?.ToDetails() is { } details)
            {
                authors.Add(details);
            }
        }

        var generation = state.State.Generation;
        if (moved.Count > 0)
        {
            await recorder.RecordRecoveredAsync(generation + 1, moved);
            generation = await PersistAsync(generation + 1);
        }
        _snapshot = CatalogSnapshot.Build(generation, providers, authors);
        // What changed before this activation is not known: replicas older than this take the export.
        _journal = new CatalogJournal(generation);
        CatalogLog.RegistryActivated(logger, generation, _snapshot.ProviderCount, _snapshot.AuthorCount, _snapshot.ModelCount);
    }

    public Task<CatalogStatus> GetStatusAsync() => Task.FromResult(new CatalogStatus
    {
        Generation = _snapshot.Generation,
        Providers = _snapshot.ProviderCount,
        Authors = _snapshot.AuthorCount,
        Offerings = _snapshot.ModelCount,
        Definitions = _snapshot.DefinitionCount,
        SeedVersion = state.State.SeedVersion,
        SeededAt = state.State.SeededAt,
    });

    public Task<CatalogContent> ExportAsync()
    {
        var snapshot = _snapshot;
        return Task.FromResult(new CatalogContent
        {
            Generation = snapshot.Generation,
            Providers = snapshot.Providers.Select(p => snapshot.FindProvider(p.Id)!).ToEquatableArray(),
            Authors = snapshot.Authors.Select(a => snapshot.FindAuthor(a.Id)!).ToEquatableArray(),
        });
    }

    public Task<CatalogDelta?> GetChangesAsync(long generation)
    {
        var snapshot = _snapshot;
        if (generation > snapshot.Generation || _journal.Since(generation) is not { } notices)
        {
            return Task.FromResult<CatalogDelta?>(null);
        }
        var providers = notices.SelectMany(n => n.Providers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var authors = notices.SelectMany(n => n.Authors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult<CatalogDelta?>(new CatalogDelta
        {
            Since = generation,
            Generation = snapshot.Generation,
            Providers = providers.Select(snapshot.FindProvider).OfType<ProviderDetails>().ToEquatableArray(),
            RemovedProviders = providers.Where(id => snapshot.FindProvider(id) is null).ToEquatableArray(),
            Authors = authors.Select(snapshot.FindAuthor).OfType<AuthorDetails>().ToEquatableArray(),
            RemovedAuthors = authors.Where(id => snapshot.FindAuthor(id) is null).ToEquatableArray(),
            Notices = notices.ToEquatableArray(),
        });
    }

    public Task<long> PublishProviderAsync(string providerId, long version, ProviderDetails? details) =>
        PublishAsync(_providerVersions, providerId, version, generation => _snapshot.WithProvider(providerId, details, generation),
            () => EntityChanges.Of(_snapshot.FindProvider(providerId), details),
            generation => new CatalogNotice { Generation = generation, Providers = [providerId] });

    public async Task<long> PublishProvidersAsync(EquatableArray<ProviderDetails> providers)
    {
        var newer = providers
            .Where(p => !_providerVersions.TryGetValue(p.Provider.Id, out var known) || known < p.Version)
            .DistinctBy(p => p.Provider.Id, StringComparer.Ordinal)
            .ToDictionary(p => p.Provider.Id, StringComparer.Ordinal);
        if (newer.Count == 0)
        {
            return _snapshot.Generation;
        }
        var previous = newer.Keys.Where(_providerVersions.ContainsKey).ToDictionary(id => id, id => _providerVersions[id], StringComparer.Ordinal);
        foreach (var (id, details) in newer)
        {
            _providerVersions[id] = details.Version;
        }
        try
        {
            await recorder.RecordAsync(_snapshot.Generation + 1,
                () => newer.Values.SelectMany(d => EntityChanges.Of(_snapshot.FindProvider(d.Provider.Id), d)));
            var generation = await PersistAsync(_snapshot.Generation + 1);
            // One generation for all of them: one snapshot step, one notice.
            _snapshot = _snapshot.WithChanges(generation, newer.Select(p => KeyValuePair.Create(p.Key, (ProviderDetails?)p.Value)), []);
            Announce(new CatalogNotice { Generation = generation, Providers = newer.Keys.Order(StringComparer.Ordinal).ToEquatableArray() });
            return generation;
        }
        catch
        {
            foreach (var id in newer.Keys)
            {
                Restore(_providerVersions, id, previous.GetValueOrDefault(id, -1));
            }
            throw;
        }
    }

    public Task<long> PublishAuthorAsync(string authorId, long version, AuthorDetails? details) =>
        PublishAsync(_authorVersions, authorId, version, generation => _snapshot.WithAuthor(authorId, details, generation),
            () => EntityChanges.Of(_snapshot.FindAuthor(authorId), details),
            generation => new CatalogNotice { Generation = generation, Authors = [authorId] });

    /// <summary>
    /// Idempotent by version: an older or equal version changes nothing. Otherwise what changed is appended
    /// to the change log, the new generation stored, then the snapshot swapped and the replicas told.
    /// </summary>
    private async Task<long> PublishAsync(
        Dictionary<string, long> versions, string id, long version, Func<long, CatalogSnapshot> next,
        Func<IReadOnlyList<CatalogChange>> changes, Func<long, CatalogNotice> notice)
    {
        if (versions.TryGetValue(id, out var known) && known >= version)
        {
            return _snapshot.Generation;
        }
        var previous = versions.GetValueOrDefault(id, -1);
        versions[id] = version;
        try
        {
            await recorder.RecordAsync(_snapshot.Generation + 1, changes);
            var generation = await PersistAsync(_snapshot.Generation + 1);
            _snapshot = next(generation);
            Announce(notice(generation));
            return generation;
        }
        catch
        {
            Restore(versions, id, previous);
            throw;
        }
    }

    public Task SubscribeAsync(ICatalogObserver observer)
    {
        _observers[observer] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task MarkSeededAsync(string seedVersion)
    {
        await state.WriteOrRollbackAsync(state.State with { SeedVersion = seedVersion, SeededAt = clock.GetUtcNow() }, this);
    }

    /// <summary>Stores the generation and the entity versions it covers before anyone can read it.</summary>
    private async Task<long> PersistAsync(long generation)
    {
        await state.WriteOrRollbackAsync(state.State with
        {
            Generation = generation,
            Providers = Versions(_providerVersions),
            Authors = Versions(_authorVersions),
        }, this);
        return generation;
    }

    /// <summary>
    /// Journals the generation, then tells every silo's replica (one-way, no waiting): replicas renew their
    /// subscription often, so ones not heard from for two minutes are dropped. A replica that misses a
    /// notice asks for the changes since its generation at its next notice or poll.
    /// </summary>
    private void Announce(CatalogNotice notice)
    {
        _journal.Record(notice);
        var stale = clock.GetUtcNow() - TimeSpan.FromMinutes(2);
        foreach (var (observer, renewed) in _observers.ToList())
        {
            if (renewed < stale)
            {
                _observers.Remove(observer);
                continue;
            }
            try
            {
                _ = observer.OnChangedAsync(notice);
            }
            catch (Exception ex)
            {
                CatalogLog.NoticeFailed(logger, ex);
            }
        }
    }

    private static void Restore(Dictionary<string, long> versions, string id, long previous)
    {
        if (previous < 0)
        {
            versions.Remove(id);
        }
        else
        {
            versions[id] = previous;
        }
    }

    private static EquatableArray<EntityVersion> Versions(Dictionary<string, long> versions) =>
        versions.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new EntityVersion { Id = p.Key, Version = p.Value })
            .ToEquatableArray();
}
