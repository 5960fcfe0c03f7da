using Starmap.Formats;

namespace Starmap.PowerShell;

/// <summary>
/// A catalog-wide run in the cluster (Sync-StarmapProvider -All -Discover, Import-StarmapCatalog -Format
/// ModelsDev): started once, then polled with short calls from the cmdlet's thread, which reports progress
/// (providers done of the total) between polls. Cancelling stops the wait, not the run.
/// </summary>
public sealed class CatalogSyncOperation
{
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(1);

    private readonly string _runId;
    private readonly object? _target;
    private CatalogSyncResult? _result;

    private CatalogSyncOperation(CatalogSyncRun run, object? target)
    {
        _runId = run.RunId;
        _target = target;
        DryRun = run.DryRun;
    }

    /// <summary>True when the run writes nothing.</summary>
    public bool DryRun { get; }

    /// <summary>Providers whose sync has ended.</summary>
    public int Done { get; private set; }

    /// <summary>Providers to sync (0 until the run has planned them).</summary>
    public int Total { get; private set; }

    /// <summary>True once the run has ended.</summary>
    public bool Completed => _result is not null;

    /// <summary>
    /// Starts a sync of every provider; with <paramref name="discover"/> it first creates the providers
    /// models.dev lists that the catalog lacks (a dry run reports them with their changesets).
    /// </summary>
    public static async Task<CatalogSyncOperation> StartSyncAllAsync(IReadOnlyList<string> sources, bool dryRun, bool force, bool discover)
    {
        var request = new SyncAllRequest
        {
            DryRun = dryRun,
            Force = force,
            Discover = discover,
            Sources = sources.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            IncludeChanges = dryRun,
            Trigger = "powershell",
        };
        var run = await Failures.Guard(() => StarmapSession.Catalog.Sync.StartAllAsync(request), "InvalidSource");
        return new CatalogSyncOperation(run, null);
    }

    /// <summary>
    /// Starts an import of a models.dev <c>api.json</c> file. The file is refused before anything runs when it
    /// is empty, past <see cref="CatalogLimits.MaxJsonFileBytes"/> (checked before reading) or not a models.dev file.
    /// </summary>
    public static async Task<CatalogSyncOperation> StartModelsDevImportAsync(string path, string document, bool dryRun)
    {
        // The changes are asked for in a real run too: the result lists what the import changed, as a file import of the other formats does.
        var request = new SyncAllRequest { DryRun = dryRun, IncludeChanges = true, Trigger = "powershell import" };
        var run = await Failures.Guard(() => StarmapSession.Catalog.Sync.StartModelsDevImportAsync(document, request), "InvalidCatalog", path);
        return new CatalogSyncOperation(run, path);
    }

    /// <summary>Waits up to a second for the run; true once it has ended.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var run = await Failures.Guard(() => StarmapSession.Catalog.Sync.GetAllRunAsync(_runId, PollWait).WaitAsync(cancellationToken), target: _target)
            ?? throw new StarmapCommandException(FailureKind.NotFound, "SyncRunNotFound", $"the run {_runId} is gone (its silo restarted); run the command again", _target);
        Done = run.Done;
        Total = run.Total;
        if (run is { State: SyncRunState.Completed, Result: { } result })
        {
            _result = result;
            if (result.Generation is { } generation)
            {
                StarmapSession.Catalog.RequireGeneration(generation);
            }
        }
        return Completed;
    }

    /// <summary>Each provider's result, sorted by provider ID (after <see cref="Completed"/>).</summary>
    public IReadOnlyList<StarmapSyncResult> Results =>
        [.. Result.Providers.Select(p => StarmapSyncResult.From(p, Result.DryRun, Result.StartedAt))];

    /// <summary>What the run skipped: a models.dev ID no provider can have, models.dev unreadable.</summary>
    public IReadOnlyList<string> Warnings => [.. Result.Warnings];

    /// <summary>The import's result in Import-StarmapCatalog's shape (after <see cref="Completed"/>).</summary>
    public StarmapImportResult ImportResult(string path)
    {
        var changed = Result.Providers.Where(p => p.Status is SyncStatus.Applied or SyncStatus.DryRun && (p.Discovered || p.AddedOfferings + p.UpdatedOfferings + p.RemovedOfferings + p.AddedDefinitions + p.UpdatedDefinitions > 0));
        return new StarmapImportResult
        {
            DryRun = Result.DryRun,
            Path = path,
            ProvidersRead = Result.Providers.Count,
            Providers = [.. changed.Select(p => p.ProviderId)],
            Created = [.. Result.Providers.Where(p => p.Discovered).Select(p => p.ProviderId)],
            Changes = [.. Result.Providers.Where(p => p.Changes is not null).SelectMany(p => StarmapChange.From(p.ProviderId, p.Changes!))],
            Warnings = [.. Result.Warnings],
            Generation = Result.Generation ?? StarmapSession.Catalog.SeenGeneration,
        };
    }

    private CatalogSyncResult Result => _result ?? throw new InvalidOperationException("the run has not completed");
}
