using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Starmap.Sources.Http;
using Starmap.Sources.Json;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// models.dev <c>api.json</c> over HTTP. One snapshot is fetched and shared by every provider for
/// <see cref="SourceOptions.ModelsDevCacheDuration"/>; concurrent callers wait for the same download.
/// When a refresh fails, the last good snapshot is used with a warning naming its age (in the sync result)
/// rather than failing the sync, unless it is older than <see cref="SourceOptions.MaxModelsDevSnapshotAge"/>;
/// the failure stands for <see cref="SourceOptions.ModelsDevRetryAfterFailure"/>: while models.dev
/// is unreachable, a sync of every provider asks it once, not once per provider.
/// </summary>
public sealed class ModelsDevSource : IObservationSource, IDisposable
{
    private const string Name = "models.dev";

    private readonly SourceHttp _http;
    private readonly SourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelsDevSource> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedSnapshot? _cached;
    private FailedRefresh? _failed;

    internal ModelsDevSource(SourceHttp http, IOptions<SourceOptions> options, TimeProvider time, ILogger<ModelsDevSource> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public string SourceId => SourceIds.ModelsDev;

    /// <summary>Number of downloads made (for diagnostics and tests of the cache).</summary>
    public int Downloads { get; private set; }

    /// <summary>The current snapshot and when it was read, downloading it when the cache is empty or stale.</summary>
    public async Task<(ModelsDevSnapshot Snapshot, DateTimeOffset FetchedAt)> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var cached = await GetCachedAsync(cancellationToken).ConfigureAwait(false);
        return (cached.Snapshot, cached.FetchedAt);
    }

    /// <inheritdoc/>
    public async Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var cached = await GetCachedAsync(cancellationToken).ConfigureAwait(false);
        var location = SourceHttp.Display(_options.ModelsDevUrl);
        var observation = ModelsDevMapper.ToObservation(cached.Snapshot, provider, cached.FetchedAt, location);
        if (observation is null)
        {
            var names = string.Join(", ", new[] { provider.Id }.Concat(provider.Aliases));
            return SourceOutcome.Skipped($"models.dev lists no provider named {names}", location);
        }
        if (cached.Warning is not null)
        {
            observation = observation with { Warnings = observation.Warnings.Add(cached.Warning) };
            return SourceOutcome.Observed(observation) with { Warnings = [cached.Warning] };
        }
        return SourceOutcome.Observed(observation);
    }

    private async Task<CachedSnapshot> GetCachedAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } fresh)
        {
            return fresh;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            var failure = RecentFailure();
            if (failure is null)
            {
                try
                {
                    var snapshot = await DownloadAsync(cancellationToken).ConfigureAwait(false);
                    _cached = new CachedSnapshot(snapshot, _time.GetUtcNow(), null);
                    _failed = null;
                    return _cached;
                }
                catch (SourceException ex)
                {
                    failure = _failed = new FailedRefresh(ex, _time.GetUtcNow() + _options.ModelsDevRetryAfterFailure);
                }
            }
            var error = failure.Error;
            if (_cached is { } stale)
            {
                var age = _time.GetUtcNow() - stale.FetchedAt;
                if (age > _options.MaxModelsDevSnapshotAge)
                {
                    // Old prices applied as if current are worse than no models.dev at all: fail this source.
                    throw new SourceException(Name, error.Location,
                        $"{error.Reason ?? error.Message}; the last good snapshot, read at {stale.FetchedAt:O} ({Age(age)} ago), is older than " +
                        $"Starmap:Sources:MaxModelsDevSnapshotAge ({Age(_options.MaxModelsDevSnapshotAge)}) and was not used", error);
                }
                SourceLog.UsingStaleSnapshot(_logger, error.Message, stale.FetchedAt, Age(age));
                return stale with { Warning = $"{error.Message}; used the snapshot read at {stale.FetchedAt:O} ({Age(age)} old)" };
            }
            throw new SourceException(error.ProviderId ?? Name, error.Location, $"{error.Reason ?? error.Message} (asked again after {failure.RetryAt:O})", error);
        }
        finally
        {
            _gate.Release();
        }
    }

    private FailedRefresh? RecentFailure() => _failed is { } failed && _time.GetUtcNow() < failed.RetryAt ? failed : null;

    private CachedSnapshot? Fresh(CachedSnapshot? cached) =>
        cached is not null && _time.GetUtcNow() - cached.FetchedAt < _options.ModelsDevCacheDuration ? cached : null;

    private async Task<ModelsDevSnapshot> DownloadAsync(CancellationToken cancellationToken)
    {
        var url = _options.ModelsDevUrl;
        var call = new SourceCall(Name, null, default, _options.MaxModelsDevResponseBytes);
        var body = await _http.GetAsync(call, url, cancellationToken).ConfigureAwait(false);
        Downloads++;
        if (HtmlBody.Is(body))
        {
            // A captive portal, a CDN error page or a moved site: say what came, not "invalid JSON at byte 0".
            throw call.Fail(url, $"models.dev answered HTML, not JSON ({body.Length} bytes starting '{HtmlBody.Excerpt(body, call.Secret)}')");
        }
        ModelsDevSnapshot snapshot;
        try
        {
            snapshot = ModelsDevParser.Parse(body);
        }
        catch (FormatException ex)
        {
            throw call.Fail(url, ex.Message, ex);
        }
        if (snapshot.Providers.Count == 0)
        {
            throw call.Fail(url, "api.json lists no providers");
        }
        SourceLog.ModelsDevRead(_logger, snapshot.Providers.Count, snapshot.ModelCount, SourceHttp.Display(url));
        return snapshot;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    // "3.2 days", "5.0 hours", "12 minutes": enough to judge staleness at a glance.
    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? FormattableString.Invariant($"{age.TotalDays:0.0} days")
        : age.TotalHours >= 1 ? FormattableString.Invariant($"{age.TotalHours:0.0} hours")
        : FormattableString.Invariant($"{Math.Max(0, age.TotalMinutes):0} minutes");

    private sealed record CachedSnapshot(ModelsDevSnapshot Snapshot, DateTimeOffset FetchedAt, string? Warning);

    private sealed record FailedRefresh(SourceException Error, DateTimeOffset RetryAt);
}
