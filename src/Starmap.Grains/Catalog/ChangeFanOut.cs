using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Starmap.Grains.Catalog;

/// <summary>
/// Hands each <see cref="CatalogStep"/> to every listener's bounded queue; a listener whose queue is
/// full is dropped (its queue completes with an error), so one slow listener never holds up the rest.
/// </summary>
internal sealed class ChangeFanOut
{
    private readonly ConcurrentDictionary<Channel<CatalogStep>, byte> _listeners = new();

    public CatalogChangeSubscription Subscribe(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var channel = Channel.CreateBounded<CatalogStep>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _listeners.TryAdd(channel, 0);
        return new CatalogChangeSubscription(channel.Reader, () => _listeners.TryRemove(channel, out _));
    }

    public void Publish(CatalogStep change)
    {
        foreach (var channel in _listeners.Keys)
        {
            if (!channel.Writer.TryWrite(change))
            {
                channel.Writer.TryComplete(new ChannelClosedException("the listener did not keep up"));
                _listeners.TryRemove(channel, out _);
            }
        }
    }
}
