using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Starmap.Http;

/// <summary>
/// Watches this silo's catalog replica and fans each new generation out to the event-stream clients.
/// One poll of a silo-local stateless worker serves every client. A client whose queue is full is
/// dropped (its stream ends; it reconnects with Last-Event-ID) rather than buffered without bound.
/// </summary>
public sealed class CatalogUpdates(IServiceProvider services, StarmapReadiness readiness, StarmapHttpOptions options, ILogger<CatalogUpdates> logger) : BackgroundService
{
    private const int QueueLength = 32;
    private readonly ConcurrentDictionary<Channel<CatalogChange>, byte> _subscribers = new();
    private long _current;
    private CatalogVersions? _previous;

    /// <summary>The newest generation seen; 0 before the first poll.</summary>
    public long Current => Interlocked.Read(ref _current);

    /// <summary>A queue of published generations; dispose to stop receiving.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<CatalogChange>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _subscribers.TryAdd(channel, 0);
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(channel, out _));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.UpdatePollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!readiness.IsReady)
            {
                continue;
            }
            try
            {
                var reader = CatalogReaders.Of(services);
                var generation = await reader.GetGenerationAsync();
                if (generation > Current)
                {
                    var versions = await reader.GetVersionsAsync(generation);
                    var change = CatalogChange.Between(_previous, versions);
                    _previous = versions;
                    Interlocked.Exchange(ref _current, versions.Generation);
                    Publish(change);
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                logger.LogDebug(ex, "Catalog generation poll failed; retrying");
            }
        }
    }

    private void Publish(CatalogChange change)
    {
        foreach (var channel in _subscribers.Keys)
        {
            if (!channel.Writer.TryWrite(change))
            {
                channel.Writer.TryComplete(new ChannelClosedException("the client did not keep up"));
                _subscribers.TryRemove(channel, out _);
            }
        }
    }

    /// <summary>One client's queue.</summary>
    public sealed class Subscription(ChannelReader<CatalogChange> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Published changes, oldest first.</summary>
        public ChannelReader<CatalogChange> Reader { get; } = reader;

        /// <inheritdoc/>
        public void Dispose() => unsubscribe();
    }
}
