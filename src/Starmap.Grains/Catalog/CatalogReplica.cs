using Microsoft.Extensions.Logging;
using Starmap.Catalog.Snapshot;

namespace Starmap.Grains.Catalog;

/// <summary>
/// This silo's copy of the published catalog: one immutable snapshot, swapped whole. The registry
/// announces what each generation changed; the replica then asks for the changes since its own
/// generation and builds the next snapshot from them, sharing the rest (several notices in a row cost one
/// pull). Only when the registry cannot say what changed since then (it restarted, or the replica is too
/// far behind) does it take the whole export. A poll every few seconds renews the subscription and catches
/// up the same way, so a replica converges even if a notice is lost or the registry moved to another silo.
/// Each step is told to the change feed's listeners, once and in order.
/// </summary>
public sealed class CatalogReplica : ICatalogObserver, ICatalogChangeFeed, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly ILogger<CatalogReplica> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ChangeFanOut _listeners = new();
    // The snapshot held, as a completed task made once per snapshot: every read asks for it, and an async method
    // returning the snapshot made a new task per request.
    private Task<CatalogSnapshot> _snapshot = Task.FromResult(CatalogSnapshot.Empty);
    private ReplicaTransfers _transfers = new();
    private bool _loaded;
    private ICatalogObserver? _reference;
    private Task? _poll;
    private int _disposed;

    /// <summary>Creates the replica.</summary>
    public CatalogReplica(IGrainFactory grains, ILogger<CatalogReplica> logger)
    {
        _grains = grains;
        _logger = logger;
    }

    /// <summary>The snapshot held now (possibly a little behind the registry).</summary>
    public CatalogSnapshot Current => Volatile.Read(ref _snapshot).Result;

    /// <summary>What this replica has pulled from the registry so far.</summary>
    public ReplicaTransfers Transfers => Volatile.Read(ref _transfers);

    /// <inheritdoc/>
    public long Generation => _loaded ? Current.Generation : 0;

    /// <inheritdoc/>
    public CatalogChangeSubscription Subscribe(int capacity) => _listeners.Subscribe(capacity);

    private ICatalogRegistryGrain Registry => _grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    /// <summary>A snapshot at <paramref name="minGeneration"/> or newer; pulls when this replica is behind.</summary>
    public Task<CatalogSnapshot> EnsureAsync(long minGeneration)
    {
        var held = Volatile.Read(ref _snapshot);
        return _loaded && held.Result.Generation >= minGeneration ? held : PullAsync(minGeneration);
    }

    // EnsureAsync's slow path: it has just found this replica behind.
    private async Task<CatalogSnapshot> PullAsync(long minGeneration)
    {
        await RefreshAsync(Math.Max(minGeneration, 1));
        var current = Current;
        if (current.Generation < minGeneration)
        {
            throw new StarmapException(
                $"the catalog is at generation {current.Generation}, behind the requested {minGeneration}");
        }
        return current;
    }

    /// <inheritdoc/>
    public Task OnChangedAsync(CatalogNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Generation > Current.Generation)
        {
            _ = RefreshQuietlyAsync(notice.Generation);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CatalogReplica), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    /// <inheritdoc/>
    public void Dispose()
    {
        // Registered both as itself and as a lifecycle participant, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stopping.Cancel();
        _stopping.Dispose();
        _refresh.Dispose();
    }

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _reference = _grains.CreateObjectReference<ICatalogObserver>(this);
        // Not awaited: the silo must not wait for the registry to activate before it serves.
        _poll = Task.Run(PollAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_poll is not null)
        {
            await _poll.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (_reference is not null)
        {
            _grains.DeleteObjectReference<ICatalogObserver>(_reference);
        }
    }

    private async Task PollAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Registry.SubscribeAsync(_reference!);
                // Catches up by version: an empty delta when nothing was missed.
                await RefreshAsync(wanted: null);
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                CatalogLog.ReplicaPollFailed(_logger, ex);
            }
            try
            {
                await Task.Delay(PollInterval, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RefreshQuietlyAsync(long generation)
    {
        try
        {
            await RefreshAsync(generation);
        }
        catch (Exception ex)
        {
            CatalogLog.ReplicaRefreshFailed(_logger, ex, generation);
        }
    }

    /// <summary>Catches up to at least <paramref name="wanted"/> (null: to whatever the registry has now).</summary>
    private async Task RefreshAsync(long? wanted)
    {
        await _refresh.WaitAsync();
        try
        {
            var current = Current;
            if (_loaded && current.Generation >= wanted)
            {
                return; // another caller already pulled it
            }
            // Unloaded, the replica is the empty catalog at generation 0: a journal reaching back that far
            // (a registry that has published everything since it started) answers with a delta too.
            if (await Registry.GetChangesAsync(current.Generation) is { } delta)
            {
                Apply(current, delta);
            }
            else
            {
                await LoadAsync(current);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private void Apply(CatalogSnapshot current, CatalogDelta delta)
    {
        if (delta.Generation <= current.Generation && _loaded)
        {
            return;
        }
        var providers = delta.Providers.Select(p => KeyValuePair.Create(p.Provider.Id, (ProviderDetails?)p))
            .Concat(delta.RemovedProviders.Select(id => KeyValuePair.Create(id, (ProviderDetails?)null)));
        var authors = delta.Authors.Select(a => KeyValuePair.Create(a.Author.Id, (AuthorDetails?)a))
            .Concat(delta.RemovedAuthors.Select(id => KeyValuePair.Create(id, (AuthorDetails?)null)));
        Swap(current.WithChanges(delta.Generation, providers, authors));
        Count(exports: 0, delta.Providers, delta.Authors);
        var previous = current.Generation;
        foreach (var notice in delta.Notices)
        {
            _listeners.Publish(new CatalogStep(notice.Generation, previous, [.. notice.Providers], [.. notice.Authors]));
            previous = notice.Generation;
        }
    }

    private async Task LoadAsync(CatalogSnapshot current)
    {
        var content = await Registry.ExportAsync();
        if (_loaded && content.Generation <= current.Generation)
        {
            return;
        }
        var next = CatalogSnapshot.Build(content.Generation, content.Providers, content.Authors);
        var wasLoaded = _loaded;
        Swap(next);
        Count(exports: 1, content.Providers, content.Authors);
        // Which generations came between is not known; what differs is, unless this is the first load.
        _listeners.Publish(wasLoaded
            ? new CatalogStep(next.Generation, current.Generation,
                Changed(current.Providers.Select(p => p.Id), next.Providers.Select(p => p.Id), id => current.FindProvider(id)?.Version, id => next.FindProvider(id)?.Version),
                Changed(current.Authors.Select(a => a.Id), next.Authors.Select(a => a.Id), id => current.FindAuthor(id)?.Version, id => next.FindAuthor(id)?.Version))
            : new CatalogStep(next.Generation, current.Generation, null, null));
    }

    private void Swap(CatalogSnapshot next)
    {
        Volatile.Write(ref _snapshot, Task.FromResult(next));
        _loaded = true;
    }

    private void Count(int exports, EquatableArray<ProviderDetails> providers, EquatableArray<AuthorDetails> authors)
    {
        var before = Transfers;
        Volatile.Write(ref _transfers, before with
        {
            Exports = before.Exports + exports,
            Deltas = before.Deltas + (exports == 0 ? 1 : 0),
            Providers = before.Providers + providers.Count,
            Authors = before.Authors + authors.Count,
            Offerings = before.Offerings + providers.Sum(p => (long)p.Offerings.Count),
        });
    }

    private static List<string> Changed(IEnumerable<string> before, IEnumerable<string> after, Func<string, long?> versionBefore, Func<string, long?> versionAfter) =>
        before.Union(after, StringComparer.Ordinal)
            .Where(id => versionBefore(id) != versionAfter(id))
            .Order(StringComparer.Ordinal)
            .ToList();
}
