using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Starmap.Sources.Http;
using Starmap.Sources.Keys;
using Starmap.Sources.ModelsDev;

namespace Starmap.Sources;

/// <summary>
/// Reads every source of one provider concurrently under one deadline. Each source ends in its own
/// report (ok, failed, skipped); one failing source never stops the others, unlike Starmap's sync,
/// which aborted on the first error. Only the caller's cancellation ends the whole fetch.
/// </summary>
public sealed class SourceFetcher
{
    private readonly IReadOnlyList<IObservationSource> _sources;
    private readonly ApiKeyResolver _keys;
    private readonly SourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SourceFetcher> _logger;

    /// <summary>Creates a fetcher over <paramref name="sources"/>.</summary>
    public SourceFetcher(IEnumerable<IObservationSource> sources, ApiKeyResolver keys, IOptions<SourceOptions> options, TimeProvider time, ILogger<SourceFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sources = [.. sources];
        _keys = keys;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Fetches the sources <paramref name="request"/> selects (all when it names none) for <paramref name="provider"/>.</summary>
    public async Task<SourceFetchResult> FetchAsync(Provider provider, SyncRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        // Sources already keep the key out of what they return; scrubbing again here guards every
        // report and warning against a path that forgot to.
        var secret = _keys.Resolve(provider, out var key)?.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Deadline);

        // A supplied models.dev document (a file import) stands in for the download.
        IReadOnlyList<IObservationSource> sources = request.ModelsDevDocument is { } document
            ? [.. _sources.Select(s => s.SourceId == SourceIds.ModelsDev ? new SuppliedModelsDevSource(document, _time) : s)]
            : _sources;
        // By default every source takes part, except optional ones nobody configured.
        var wanted = request.Sources.IsEmpty
            ? sources.Where(s => s is not IOptionalSource { IsConfigured: false }).Select(s => s.SourceId).ToList()
            : request.Sources.Distinct(StringComparer.Ordinal).ToList();
        var runs = wanted.Select(id => sources.FirstOrDefault(s => s.SourceId == id) is { } source
            ? RunAsync(source, provider, deadline.Token, cancellationToken)
            : Task.FromResult<(SourceReport, SourceObservation?, EquatableArray<string>)>((new SourceReport
            {
                Source = id,
                Status = SourceStatus.Skipped,
                Error = $"source '{id}' is not fetched here (sources: {string.Join(", ", sources.Select(s => s.SourceId))})",
            }, null, default)));
        var results = await Task.WhenAll(runs).ConfigureAwait(false);
        return new SourceFetchResult
        {
            ProviderId = provider.Id,
            Reports = results.Select(r => Scrub(r.Item1, secret)).ToEquatableArray(),
            Observations = results.Select(r => r.Item2).OfType<SourceObservation>().Select(o => Scrub(o, secret)).ToEquatableArray(),
            Warnings = results.SelectMany(r => r.Item3).Select(w => Secrets.Scrub(w, secret)).ToEquatableArray(),
            Key = key,
        };
    }

    private static SourceReport Scrub(SourceReport report, string? secret) => secret is null ? report : report with
    {
        Error = Secrets.ScrubOrNull(report.Error, secret),
        Location = Secrets.ScrubOrNull(report.Location, secret),
    };

    private static SourceObservation Scrub(SourceObservation observation, string? secret) => secret is null ? observation : observation with
    {
        Warnings = observation.Warnings.Select(w => Secrets.Scrub(w, secret)).ToEquatableArray(),
        Location = Secrets.ScrubOrNull(observation.Location, secret),
    };

    private async Task<(SourceReport, SourceObservation?, EquatableArray<string>)> RunAsync(IObservationSource source, Provider provider, CancellationToken deadline, CancellationToken caller)
    {
        var started = _time.GetTimestamp();
        SourceReport Report(SourceStatus status, string? error, string? location, int models = 0) => new()
        {
            Source = source.SourceId,
            Status = status,
            Error = error,
            Location = location,
            Models = models,
            Duration = _time.GetElapsedTime(started),
        };

        try
        {
            // Yield first so a source that blocks before its first await cannot hold up the others.
            await Task.Yield();
            var outcome = await source.FetchAsync(provider, deadline).ConfigureAwait(false);
            if (outcome.Observation is { } observation)
            {
                return (Report(SourceStatus.Ok, null, observation.Location, observation.Models.Count), observation, outcome.Warnings);
            }
            Http.SourceLog.SourceSkipped(_logger, provider.Id, source.SourceId, outcome.SkipReason);
            return (Report(SourceStatus.Skipped, outcome.SkipReason, outcome.Location), null, outcome.Warnings);
        }
        catch (SourceException ex)
        {
            Http.SourceLog.SourceFailed(_logger, provider.Id, source.SourceId, ex.Message);
            return (Report(SourceStatus.Failed, ex.Message, ex.Location), null, default);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            var message = $"{provider.Id}: {source.SourceId} did not finish within the {Http.SourceHttp.Format(_options.Deadline)} deadline";
            Http.SourceLog.SourceMissedDeadline(_logger, message);
            return (Report(SourceStatus.Failed, message, null), null, default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one source must not take the others down; its report says what happened.
            Debug.Assert(ex is not SourceException);
            Http.SourceLog.SourceCrashed(_logger, ex, provider.Id, source.SourceId);
            return (Report(SourceStatus.Failed, $"{provider.Id}: {source.SourceId} failed unexpectedly: {ex.GetType().Name}", null), null, default);
        }
    }
}
