using System.Diagnostics;
using Orleans.Serialization;
using Starmap.Catalog.Snapshot;
using Starmap.Grains.Catalog;
using Starmap.Grains.Providers;
using Starmap.Grains.State;
using Starmap.Sources.ModelsDev;
using Starmap.Sync.History;

namespace Starmap.Grains.Sync;

/// <summary>
/// Dry runs of a models.dev sync of every provider, over models.dev entries made from the catalog itself with some
/// prices moved, through each provider's <see cref="IProviderSyncGrain"/> as a sync of every provider runs them (a few
/// at once, and twice over: <see cref="Passes"/>): the grain calls, activations and the sync's code (parse, mapping,
/// sanitize, reconcile, diff) run before the first real sync does; then, for each provider, what its write and
/// publish compute (the stored state validated, stamped and serialized; the change log's entries; the next snapshot
/// and its query index), all thrown away. A silo's first sync after a start otherwise pays for compiling that code,
/// ~2-5x the CPU of a later sync (docs/benchmarks.md). Nothing is written, no sync run is recorded, and the dry runs
/// count in no metric and log no line of their own.
/// </summary>
public sealed class SyncRehearsal
{
    /// <summary>The trigger its dry runs carry (they are not recorded, counted or logged as syncs).</summary>
    public const string Trigger = "rehearsal";

    /// <summary>
    /// Dry runs of every provider. The runtime compiles a hot method twice more after its first quick compile (an
    /// instrumented build, then the optimized one), each after it has counted calls, and it counts none while new
    /// methods keep being compiled, as they are all through the first pass: after one pass the grain calls, activations
    /// and copies were still compiled during the first real sync (a JIT trace: ~750 optimized compiles in it, Orleans'
    /// messaging most of them), after two they were not, and that sync's CPU at normal priority, what the reads compete
    /// with, fell from 2.5-2.9 s to 2.0-2.3 s, a later sync's (docs/benchmarks.md, session 12).
    /// </summary>
    internal const int Passes = 2;

    private readonly IGrainFactory _grains;
    private readonly BackgroundCpu _cpu;
    private readonly CatalogReplica _replica;
    private readonly Serializer _serializer;
    private readonly TimeProvider _clock;

    internal SyncRehearsal(IGrainFactory grains, BackgroundCpu cpu, CatalogReplica replica, Serializer serializer, TimeProvider clock)
    {
        _grains = grains;
        _cpu = cpu;
        _replica = replica;
        _serializer = serializer;
        _clock = clock;
    }

    /// <summary>
    /// Runs the dry runs, a few providers at a time (the computing on the sync's low-priority threads), and says
    /// what they did. An empty catalog has nothing to rehearse.
    /// </summary>
    public async Task<SyncRehearsalResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var providers = (await CatalogReads.NewestAsync(_grains, (reader, generation) => reader.ListProvidersAsync(generation))).Items;
        var models = await CatalogReads.NewestAsync(_grains, (reader, generation) => reader.ListModelsAsync(generation));
        // Each provider's own entries, as an import gives them (a call carries one provider's models, not all); the
        // same for both passes.
        var documents = await _cpu.RunAsync(() =>
        {
            var byProvider = models.Items.ToLookup(m => m.Offering.ProviderId, StringComparer.Ordinal);
            return providers.ToDictionary(p => p.Id, p => ModelsDevExport.ToJson([p], byProvider[p.Id].Select(Moved)), StringComparer.Ordinal);
        });
        var current = await _replica.EnsureAsync(models.Generation);
        using var slots = new SemaphoreSlim(CatalogSyncGrain.Parallelism, CatalogSyncGrain.Parallelism);
        SyncResult[] results = [];
        for (var pass = 0; pass < Passes; pass++)
        {
            results = await Task.WhenAll(providers.Select(async provider =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    return await ProviderSyncCalls.RunAsync(_grains, provider.Id, new SyncRequest
                    {
                        DryRun = true,
                        Sources = [SourceIds.ModelsDev],
                        ModelsDevDocument = documents[provider.Id],
                        Trigger = Trigger,
                    });
                }
                finally
                {
                    slots.Release();
                }
            }));
            await RehearsePublishesAsync(current, cancellationToken);
        }
        return new SyncRehearsalResult(results.Length, results.Sum(r => r.Changes.Count), results.Count(r => r.Status is SyncStatus.Failed),
            models.Generation, watch.Elapsed);
    }

    /// <summary>
    /// What publishing each provider with its prices moved would compute, one provider at a time as a sync's
    /// writes publish: the change log's entries, the next snapshot and its query index (from the current one's,
    /// which the first query builds anyway). Every result is dropped; the replica keeps its snapshot.
    /// </summary>
    private async Task RehearsePublishesAsync(CatalogSnapshot current, CancellationToken cancellationToken)
    {
        await _cpu.RunAsync(() => current.Query(FirstPage));
        foreach (var provider in current.Providers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _cpu.RunAsync(() =>
            {
                var before = current.FindProvider(provider.Id)!; // a provider of this very snapshot
                // What the provider grain's write computes and stores: validated, stamped state, serialized.
                var stored = ProviderGrain.Replaced(
                    new ProviderState { Provider = before.Provider, Offerings = before.Offerings, Version = before.Version },
                    provider.Id, before.Provider, [.. before.Offerings.Select(MovedOffering)], _clock.GetUtcNow());
                _ = _serializer.SerializeToArray(stored);
                var after = stored.ToDetails()! with { Version = before.Version + 1 };
                var entries = EntityChanges.Of(before, after);
                _ = ChangeBatches.Of(current.Generation + 1, _clock.GetUtcNow(), ChangeOrigins.Sync, entries);
                var next = current.WithChanges(current.Generation + 1, [KeyValuePair.Create(provider.Id, (ProviderDetails?)after)], []);
                _ = next.Query(FirstPage);
                return entries.Count;
            });
        }
    }

    // A query builds its snapshot's index (the next generation's from the current one's, as after a publish).
    private static readonly ModelQuery FirstPage = new() { Limit = 1 };

    private static Offering MovedOffering(Offering offering) => Moved(new CatalogModel { Offering = offering }).Offering;

    /// <summary>Every seventh model or so (by its ID's length) with its input price up a tenth: a sync that finds changes.</summary>
    internal static CatalogModel Moved(CatalogModel model) =>
        model.ModelId.Length % 7 == 0 && model.Offering.Pricing is { Tokens.Input: { } input } pricing
            ? model with { Offering = model.Offering with { Pricing = pricing with { Tokens = pricing.Tokens with { Input = input * 1.1m } } } }
            : model;
}

/// <summary>What a <see cref="SyncRehearsal"/> did: providers dry-run, changes they found (none applied), failures, at which generation, in how long.</summary>
public sealed record SyncRehearsalResult(int Providers, int Changes, int Failed, long Generation, TimeSpan Duration);
