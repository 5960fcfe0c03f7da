using System.Threading.RateLimiting;

namespace Starmap.Http;

/// <summary>
/// One client's fixed window: <c>permits</c> requests per <c>window</c>, the window starting at the
/// client's first request. Unlike <see cref="FixedWindowRateLimiter"/> (whose refusal always says "a whole
/// window"), a refusal carries the real time left until the window ends, for <c>Retry-After</c>.
/// </summary>
internal sealed class ClientWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private long _windowStart = long.MinValue;
    private int _used;
    private long _failed;
    private long _succeeded;

    /// <summary>
    /// Null while the window holds spent permits: the partitioned limiter drops idle limiters, and dropping
    /// this one early would hand the client a fresh window.
    /// </summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_windowStart == long.MinValue)
                {
                    return TimeSpan.Zero;
                }
                var elapsed = time.GetElapsedTime(_windowStart);
                return elapsed >= window ? elapsed - window : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = OpenWindow() ? permits - _used : permits,
                CurrentQueuedCount = 0,
                TotalFailedLeases = _failed,
                TotalSuccessfulLeases = _succeeded,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            if (!OpenWindow())
            {
                _windowStart = time.GetTimestamp();
                _used = 0;
            }
            if (permitCount <= permits - _used)
            {
                _used += permitCount;
                _succeeded++;
                return Lease.Acquired;
            }
            _failed++;
            return new Lease(window - time.GetElapsedTime(_windowStart));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));

    private bool OpenWindow() => _windowStart != long.MinValue && time.GetElapsedTime(_windowStart) < window;

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } left && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = left < TimeSpan.Zero ? TimeSpan.Zero : left;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
