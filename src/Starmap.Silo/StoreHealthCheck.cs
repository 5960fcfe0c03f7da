using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Starmap.Silo.Clustering;
using Starmap.Storage.Sqlite;

namespace Starmap.Silo;

/// <summary>
/// Readiness of the store grain state lives in: embedded, the SQLite database file opens and reads its
/// header; Redis and Kubernetes, the Redis server answers a PING. A store that went away (file deleted,
/// Redis down) makes <c>/ready</c> answer 503 naming it, so a balancer stops sending traffic here.
/// </summary>
internal sealed class StoreHealthCheck(StarmapSiloOptions options) : IHealthCheck, IAsyncDisposable
{
    public const string Name = "store";

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        options.Clustering == ClusteringMode.Embedded ? Task.FromResult(CheckSqlite()) : CheckRedisAsync(cancellationToken);

    private HealthCheckResult CheckSqlite()
    {
        var database = SqliteDatabaseCheck.DatabasePath(new SqliteGrainStorageOptions { DataDirectory = options.DataDirectory });
        return SqliteDatabaseCheck.FindReadProblem(database) is { } problem
            ? HealthCheckResult.Unhealthy($"the store does not answer: the database '{database}' cannot be read: SQLite says: {problem}")
            : HealthCheckResult.Healthy();
    }

    private async Task<HealthCheckResult> CheckRedisAsync(CancellationToken cancellationToken)
    {
        try
        {
            var redis = await ConnectAsync().ConfigureAwait(false);
            await redis.GetDatabase().PingAsync().WaitAsync(PingTimeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Describe() names the servers, never the password.
            return HealthCheckResult.Unhealthy($"the store does not answer: redis {options.Redis.Describe()}: {ex.GetType().Name}");
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_redis is { } connected)
        {
            return connected;
        }
        await _connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            // AbortOnConnectFail is off: this returns at once and reconnects in the background.
            return _redis ??= await ConnectionMultiplexer.ConnectAsync(options.Redis.ToConfiguration()).ConfigureAwait(false);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is { } redis)
        {
            await redis.DisposeAsync().ConfigureAwait(false);
        }
        _connecting.Dispose();
    }
}
