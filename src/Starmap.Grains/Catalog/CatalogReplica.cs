using Microsoft.Extensions.Logging;
using Starmap.Catalog.Snapshot;

namespace Starmap.Grains;

/// <summary>
/// This silo's copy of the published catalog: one immutable snapshot, swapped whole. The registry
/// announces each generation; the replica then pulls the new state (several notices in a row cost one
/// pull). A poll every few seconds renews the subscription and catches anything missed, so a replica
/// converges even if a notice is lost or the registry moved to another silo.
/// </summary>
public sealed class CatalogReplica : ICatalogObserver, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly ILogger<CatalogReplica> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;
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
    public CatalogSnapshot Current => Volatile.Read(ref _snapshot);

    private ICatalogRegistryGrain Registry => _grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    /// <summary>A snapshot at <paramref name="minGeneration"/> or newer; pulls when this replica is behind.</summary>
    public async Task<CatalogSnapshot> EnsureAsync(long minGeneration)
    {
        var current = Current;
        if (_loaded && current.Generation >= minGeneration)
        {
            return current;
        }
        await RefreshAsync(Math.Max(minGeneration, 1));
        current = Current;
        if (current.Generation < minGeneration)
        {
            throw new StarmapException(
                $"the catalog is at generation {current.Generation}, behind the requested {minGeneration}");
        }
        return current;
    }

    /// <inheritdoc/>
    public Task OnPublishedAsync(long generation)
    {
        if (generation > Current.Generation)
        {
            _ = RefreshQuietlyAsync(generation);
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
                var status = await Registry.GetStatusAsync();
                if (!_loaded || status.Generation > Current.Generation)
                {
                    await RefreshAsync(status.Generation);
                }
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                _logger.LogDebug(ex, "Catalog replica poll failed; retrying");
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
            _logger.LogDebug(ex, "Catalog replica refresh to {Generation} failed; the poll retries", generation);
        }
    }

    private async Task RefreshAsync(long wanted)
    {
        await _refresh.WaitAsync();
        try
        {
            if (_loaded && Current.Generation >= wanted)
            {
                return; // another caller already pulled it
            }
            var content = await Registry.ExportAsync();
            if (!_loaded || content.Generation > Current.Generation)
            {
                Volatile.Write(ref _snapshot, CatalogSnapshot.Build(content.Generation, content.Providers, content.Authors));
                _loaded = true;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }
}
