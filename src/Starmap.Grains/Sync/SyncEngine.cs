using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Starmap.Catalog.Validation;
using Starmap.Grains.Catalog;
using Starmap.Sources;
using Starmap.Sync;

namespace Starmap.Grains.Sync;

/// <summary>
/// One provider sync: fetch every source (a failing one is reported, not fatal), refuse implausible
/// data, reconcile by the authority table, diff, then apply as one provider-grain write that expects
/// the version it started from. Anything that goes wrong leaves the catalog as it was.
/// </summary>
internal sealed class SyncEngine(
    IGrainFactory grains,
    SourceFetcher fetcher,
    SyncHooks hooks,
    GuardOptions guard,
    BackgroundCpu cpu,
    TimeProvider clock,
    ILogger<SyncEngine> logger) : ISyncEngine
{
    private static readonly HashSet<string> KnownSources = [SourceIds.ProviderApi, SourceIds.ModelsDev, SourceIds.Local];

    public async Task<SyncResult> RunAsync(string providerId, SyncRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(providerId, request, lastTry: attempt == MaxTries, cancellationToken);
            }
            catch (DefinitionsMovedException)
            {
                // Another write (in a run of every provider, often another provider's sync crediting the
                // same model) changed a definition this sync merged: nothing was written, so it runs again
                // from what is stored now. The last try reports a conflict instead. Syncs that collided
                // tend to collide again if they retry in step: each waits a random, growing while first.
                await Task.Delay(RetryDelay(attempt), clock, cancellationToken);
            }
        }
    }

    /// <summary>Tries of a sync whose merged definitions keep changing under it before it is a conflict.</summary>
    internal const int MaxTries = 5;

    // 25-100 ms after the first collision, doubling each time (at most ~1.6 s before the last try).
    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(25, 100) * (1 << (attempt - 1)));

    private async Task<SyncResult> RunOnceAsync(string providerId, SyncRequest request, bool lastTry, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        EquatableArray<SourceReport> reports = default;
        var warnings = new List<string>();

        SyncResult Result(SyncStatus status, Changeset? changes = null, string? reason = null, WriteResult? write = null) => new()
        {
            ProviderId = providerId,
            Status = status,
            DryRun = request.DryRun,
            Changes = changes ?? new Changeset(),
            Sources = reports,
            Warnings = warnings.ToEquatableArray(),
            Reason = reason ?? PartialReason(reports),
            StartedAt = started,
            Duration = watch.Elapsed,
            Generation = write?.Generation,
            Version = write?.Version,
        };

        CheckSources(request);
        var provider = grains.GetGrain<IProviderGrain>(providerId);
        // A provider discovered on models.dev is synced from an empty baseline and created by the apply.
        var existing = await provider.GetAsync();
        var isNew = existing is null;
        var baseline = existing ?? new ProviderDetails { Provider = NewProvider(providerId, request) };

        try
        {
            // Started on the sync's lowered-priority threads: what a source computes before its first wait (models.dev's
            // mapping of this provider's entries from the snapshot it keeps) runs there too, not in the grain's turn.
            var fetched = await cpu.RunAsync(() => fetcher.FetchAsync(baseline.Provider, request, cancellationToken)).Unwrap();
            reports = fetched.Reports;
            warnings.AddRange(fetched.Warnings); // e.g. models.dev served from an older snapshot, with its age
            // What each source skipped or left unknown while reading (an item with no ID, a model listed twice, a
            // value of the wrong type): said in the result, not dropped with the observation.
            foreach (var observation in fetched.Observations)
            {
                warnings.AddRange(ReadingWarnings(observation, fetched.Warnings));
            }
            foreach (var failed in reports.Where(r => r.Status == SourceStatus.Failed))
            {
                warnings.Add($"{failed.Source} failed: {failed.Error}");
            }
            // One bad record never rejects its provider: refused fields are left unknown with a note,
            // and only records with no usable ID are left out (each named in a warning).
            // The computing steps run on the lowered-priority threads (BackgroundCpu): a sync of every provider
            // then leaves the cores to the reads it shares them with.
            var (observations, definitionIds) = await cpu.RunAsync(() =>
            {
                var sanitized = fetched.Observations.Select(o => RecordSanitizer.Sanitize(o, warnings)).ToEquatableArray();
                return (sanitized, DefinitionIds(sanitized));
            });
            if (observations.IsEmpty)
            {
                var skippedOnly = reports.All(r => r.Status == SourceStatus.Skipped);
                var why = string.Join("; ", reports.Select(r => $"{r.Source}: {r.Error ?? r.Status.ToString()}"));
                return Result(skippedOnly ? SyncStatus.Skipped : SyncStatus.Rejected, reason: $"no source could be used ({why})");
            }

            if (observations.FirstOrDefault(o => o.IsCompleteList) is { } complete && PlausibilityGuard.Check(baseline, complete, guard) is { } implausible)
            {
                if (!request.Force)
                {
                    return Result(SyncStatus.Rejected, reason: implausible);
                }
                // A forced dry run applies nothing: it says what the forced run would do.
                warnings.Add($"{(request.DryRun ? "would be applied" : "applied")} despite: {implausible}");
            }

            // Only the definitions the sources speak of: all the reconcile and the diff look up (the catalog's whole
            // list, asked for by each provider's sync, was sorted again after every publish).
            var definitionsBefore = (await CatalogReads.NewestAsync(grains, (reader, generation) => reader.FindDefinitionsAsync(definitionIds, generation))).Items;
            var now = clock.GetUtcNow();
            var (offerings, storableDefinitions) = await cpu.RunAsync(() =>
            {
                var reconciled = Reconciler.Reconcile(baseline, definitionsBefore, observations, AuthorityTable.Default, now);
                warnings.AddRange(reconciled.Warnings);
                return (RecordSanitizer.Storable(baseline, reconciled.Offerings, now), Storable(reconciled.Definitions, now, warnings));
            });
            var definitions = await WritableDefinitionsAsync(grains, storableDefinitions, warnings);
            var after = baseline with { Offerings = offerings };
            var changes = await cpu.RunAsync(() => Differ.Diff(isNew ? null : baseline, after, definitionsBefore, definitions));

            if (request.DryRun)
            {
                return Result(SyncStatus.DryRun, changes);
            }
            if (changes.IsEmpty)
            {
                return Result(SyncStatus.NoChanges, changes);
            }

            await hooks.BeforeApplyAsync(providerId);
            await WriteDefinitionsAsync(definitions, definitionsBefore);
            var write = isNew
                ? await provider.CreateWithModelsAsync(baseline.Provider, offerings)
                : await provider.ReplaceAsync(baseline.Provider, offerings, baseline.Version);
            using (logger.BeginScope("provider {ProviderId} generation {Generation}", providerId, write.Generation))
            {
                SyncLog.SyncApplied(logger, providerId, changes.Count, write.Version, write.Generation);
            }
            return Result(SyncStatus.Applied, changes, write: write);
        }
        catch (StarmapAlreadyExistsException ex) when (isNew)
        {
            return Result(SyncStatus.Rejected, reason: $"{providerId} was created by someone else while it was syncing; nothing applied, run the sync again ({ex.Message})");
        }
        catch (DefinitionsMovedException) when (!lastTry)
        {
            throw;
        }
        catch (DefinitionsMovedException ex)
        {
            return Result(SyncStatus.Rejected, reason: $"{providerId} changed while it was syncing; nothing applied, run the sync again ({ex.Message})");
        }
        catch (StarmapConflictException ex)
        {
            return Result(SyncStatus.Rejected, reason: $"{providerId} changed while it was syncing; nothing applied, run the sync again ({ex.Message})");
        }
        catch (StarmapValidationException ex)
        {
            return Result(SyncStatus.Rejected, reason: $"the reconciled data is invalid, nothing applied: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SyncLog.SyncFailed(logger, ex, providerId);
            return Result(SyncStatus.Failed, reason: ex.Message);
        }
    }

    /// <summary>The most reading warnings one source adds to a result; a list of thousands of bad items is counted instead.</summary>
    internal const int MaxReadingWarnings = 50;

    private static IEnumerable<string> ReadingWarnings(SourceObservation observation, EquatableArray<string> alreadySaid)
    {
        var own = observation.Warnings.Where(w => !alreadySaid.Contains(w)).ToList();
        foreach (var warning in own.Take(MaxReadingWarnings))
        {
            yield return $"{observation.Source}: {warning}";
        }
        if (own.Count > MaxReadingWarnings)
        {
            yield return $"{observation.Source}: {own.Count - MaxReadingWarnings} more warnings like these";
        }
    }

    /// <summary>
    /// Why a sync that went on without a source is not a whole one: the sources that failed, and what it used.
    /// Null when none failed, or when none answered (then the sync is rejected with its own reason).
    /// </summary>
    private static string? PartialReason(EquatableArray<SourceReport> reports)
    {
        var failed = reports.Where(r => r.Status == SourceStatus.Failed).ToList();
        var used = reports.Where(r => r.Status == SourceStatus.Ok).Select(r => r.Source).ToList();
        return failed.Count == 0 || used.Count == 0
            ? null
            : $"{string.Join("; ", failed.Select(f => $"{f.Source} failed: {f.Error}"))}; synced from {string.Join(" and ", used)} alone";
    }

    public async Task CheckAsync(string providerId, SyncRequest request)
    {
        CheckSources(request);
        if (await grains.GetGrain<IProviderGrain>(providerId).GetAsync() is null)
        {
            _ = NewProvider(providerId, request);
        }
    }

    /// <summary>The record to create for a provider the catalog lacks; not found unless the request brings one.</summary>
    private static Provider NewProvider(string providerId, SyncRequest request)
    {
        var created = request.NewProvider ?? throw new StarmapNotFoundException("provider", providerId);
        if (created.Id != providerId)
        {
            throw new StarmapValidationException("new_provider.id", created.Id, $"must equal the provider synced, '{providerId}'");
        }
        CatalogValidator.Validate(created);
        return created;
    }

    private static void CheckSources(SyncRequest request)
    {
        foreach (var source in request.Sources)
        {
            if (!KnownSources.Contains(source))
            {
                throw new StarmapValidationException("sources", source, $"is not a source; use {string.Join(", ", KnownSources.Order())}");
            }
        }
    }

    private static EquatableArray<ModelDefinition> Storable(EquatableArray<ModelDefinition> definitions, DateTimeOffset now, List<string> warnings) =>
        definitions.Select(d =>
        {
            var kept = RecordSanitizer.Sanitize(d, SourceIds.Baseline, now);
            if (kept.Record is null)
            {
                warnings.Add($"definition not written: {kept.Skipped}");
            }
            return kept.Record;
        }).OfType<ModelDefinition>().ToEquatableArray();

    /// <summary>
    /// One write per author touched: its definitions as one batch, expecting the version the reconcile
    /// read. An author whose touched definitions changed since they were read, or that changes before the
    /// write, refuses the batch (a conflict: nothing of that author is written, and the provider is not).
    /// </summary>
    private async Task WriteDefinitionsAsync(List<ModelDefinition> definitions, EquatableArray<ModelDefinition> read)
    {
        var before = read.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var batch in definitions.GroupBy(d => d.AuthorId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var author = grains.GetGrain<IAuthorGrain>(batch.Key);
            for (var attempt = 1; ; attempt++)
            {
                var current = await author.GetAsync()
                    ?? throw new DefinitionsMovedException($"author '{batch.Key}' was deleted while the sync ran");
                var stored = current.Definitions.ToDictionary(d => d.Id, StringComparer.Ordinal);
                foreach (var definition in batch)
                {
                    if (!Equals(stored.GetValueOrDefault(definition.Id), before.GetValueOrDefault(definition.Id)))
                    {
                        throw new DefinitionsMovedException($"definition '{definition.Id}' changed while the sync ran");
                    }
                }
                await hooks.BeforeAuthorWriteAsync(batch.Key);
                try
                {
                    await author.SetModelsAsync([.. batch], current.Version);
                    break;
                }
                catch (StarmapConflictException) when (attempt < MaxTries)
                {
                    // The author moved between the read above and this write: in a sync of every provider,
                    // usually another provider's sync writing other definitions of the same author. Read it
                    // again; the check above still refuses if a definition this sync merged changed.
                }
                catch (StarmapConflictException ex)
                {
                    throw new DefinitionsMovedException(ex.Message);
                }
            }
        }
    }

    /// <summary>The IDs of the definitions the observations carry.</summary>
    private static EquatableArray<string> DefinitionIds(EquatableArray<SourceObservation> observations) =>
        observations.SelectMany(o => o.Models).Select(m => m.Definition?.Id).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToEquatableArray();

    /// <summary>
    /// Definitions whose author is in the catalog; the others are reported, not written, and left out
    /// of the changeset so it shows exactly what applying does. They are written before the provider:
    /// independent facts, so a crash in between leaves the provider wholly old and a rerun finishes.
    /// </summary>
    private static async Task<List<ModelDefinition>> WritableDefinitionsAsync(
        IGrainFactory grains, EquatableArray<ModelDefinition> definitions, List<string> warnings)
    {
        if (definitions.IsEmpty)
        {
            return [];
        }
        var authors = (await CatalogReads.NewestAsync(grains, (reader, generation) => reader.ListAuthorsAsync(generation))).Items.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var writable = new List<ModelDefinition>();
        var missing = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (authors.Contains(definition.AuthorId))
            {
                writable.Add(definition);
            }
            else
            {
                missing[definition.AuthorId] = missing.GetValueOrDefault(definition.AuthorId) + 1;
            }
        }
        foreach (var (author, count) in missing)
        {
            warnings.Add($"{count} definition(s) not written: author '{author}' is not in the catalog");
        }
        return writable;
    }

    /// <summary>A definition the sync merged changed before it was written; a conflict, retried once.</summary>
    private sealed class DefinitionsMovedException(string message) : Exception(message);
}
