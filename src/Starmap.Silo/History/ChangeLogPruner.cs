using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Starmap.Silo.History;

/// <summary>
/// Keeps the change log within <see cref="HistoryOptions.Retention"/>: deletes what fell out of it at
/// start and then every <see cref="HistoryOptions.PruneInterval"/>. Times come from the silo's
/// <see cref="TimeProvider"/>, so tests move them. Every silo of a cluster runs one; pruning twice is harmless.
/// </summary>
public sealed partial class ChangeLogPruner(IChangeLogStore store, HistoryOptions options, TimeProvider clock, ILogger<ChangeLogPruner> logger) : BackgroundService
{
    /// <summary>Deletes the generations published more than the retention ago; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - options.Retention;
        var removed = await store.PruneAsync(before, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogPruned(removed, before);
        }
        return removed;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PruneInterval, clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be briefly unreachable (Redis restarting): the next round tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change log: deleted {Generations} generations published before {Before:O} (retention)")]
    private partial void LogPruned(int generations, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change log: pruning failed; trying again at the next interval")]
    private partial void LogFailed(Exception exception);
}
