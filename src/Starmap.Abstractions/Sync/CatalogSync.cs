namespace Starmap;

/// <summary>How to sync every provider of the catalog (and, with <see cref="Discover"/>, the ones models.dev adds).</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-all-request")]
public sealed record SyncAllRequest
{
    /// <summary>Compute every changeset (and what discover would create) without writing anything.</summary>
    [Id(0)] public bool DryRun { get; init; }

    /// <summary>Apply even when a provider's plausibility guard objects.</summary>
    [Id(1)] public bool Force { get; init; }

    /// <summary>Restrict every provider's sync to these sources (<see cref="SourceIds"/>); empty means all that apply.</summary>
    [Id(2)] public EquatableArray<string> Sources { get; init; }

    /// <summary>First create every provider models.dev lists that the catalog lacks, then sync it with the others.</summary>
    [Id(3)] public bool Discover { get; init; }

    /// <summary>Who asked (cmdlet, http, schedule, import), for each provider's outcome record.</summary>
    [Id(4)] public string? Trigger { get; init; }

    /// <summary>Keep each provider's changeset in the result (large for a whole catalog); counts are always there.</summary>
    [Id(5)] public bool IncludeChanges { get; init; }
}

/// <summary>One run of <see cref="ICatalogSyncGrain"/>: a sync of every provider, or a models.dev file import.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-sync-run")]
public sealed record CatalogSyncRun
{
    /// <summary>ID to poll the run by.</summary>
    [Id(0)] public required string RunId { get; init; }

    /// <summary>Where the run is.</summary>
    [Id(1)] public SyncRunState State { get; init; }

    /// <summary>True for a dry run.</summary>
    [Id(2)] public bool DryRun { get; init; }

    /// <summary>True when it creates (or, dry, would create) the providers models.dev adds.</summary>
    [Id(3)] public bool Discover { get; init; }

    /// <summary>Who asked.</summary>
    [Id(4)] public string? Trigger { get; init; }

    /// <summary>When the run was accepted.</summary>
    [Id(5)] public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Providers to sync, once known (after discovery); 0 before.</summary>
    [Id(6)] public int Total { get; init; }

    /// <summary>Providers whose sync has ended.</summary>
    [Id(7)] public int Done { get; init; }

    /// <summary>The summary, once <see cref="State"/> is <see cref="SyncRunState.Completed"/>.</summary>
    [Id(8)] public CatalogSyncResult? Result { get; init; }
}

/// <summary>What a sync of every provider (or a models.dev import) did: one entry per provider, and totals.</summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-sync-result")]
public sealed record CatalogSyncResult
{
    /// <summary>True when nothing was written.</summary>
    [Id(0)] public bool DryRun { get; init; }

    /// <summary>True when providers missing from the catalog were created (or, dry, would be).</summary>
    [Id(1)] public bool Discover { get; init; }

    /// <summary>Each provider's outcome, sorted by provider ID.</summary>
    [Id(2)] public EquatableArray<ProviderSyncSummary> Providers { get; init; }

    /// <summary>Sums over <see cref="Providers"/>.</summary>
    [Id(3)] public required SyncTotals Totals { get; init; }

    /// <summary>What the run could not use and skipped: a models.dev provider ID no provider can have, models.dev unreadable.</summary>
    [Id(4)] public EquatableArray<string> Warnings { get; init; }

    /// <summary>When the run started.</summary>
    [Id(5)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    [Id(6)] public TimeSpan Duration { get; init; }

    /// <summary>Catalog generation that includes every applied change (read-your-writes); null when nothing was written.</summary>
    [Id(7)] public long? Generation { get; init; }
}

/// <summary>One provider's part in a catalog-wide sync.</summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-sync-summary")]
public sealed record ProviderSyncSummary
{
    /// <summary>The provider.</summary>
    [Id(0)] public required string ProviderId { get; init; }

    /// <summary>How its sync ended.</summary>
    [Id(1)] public SyncStatus Status { get; init; }

    /// <summary>True when the provider was created by this run (or, dry, would be) from models.dev.</summary>
    [Id(2)] public bool Discovered { get; init; }

    /// <summary>Its models.dev ID when it was discovered and differs from <see cref="ProviderId"/>.</summary>
    [Id(3)] public string? ModelsDevId { get; init; }

    /// <summary>Offerings added.</summary>
    [Id(4)] public int AddedOfferings { get; init; }

    /// <summary>Offerings whose fields changed.</summary>
    [Id(5)] public int UpdatedOfferings { get; init; }

    /// <summary>Offerings marked gone.</summary>
    [Id(6)] public int RemovedOfferings { get; init; }

    /// <summary>Definitions added.</summary>
    [Id(7)] public int AddedDefinitions { get; init; }

    /// <summary>Definitions changed.</summary>
    [Id(8)] public int UpdatedDefinitions { get; init; }

    /// <summary>Why nothing was applied, when it was not; or, when it was (or nothing differed), the sources that failed and were left out.</summary>
    [Id(9)] public string? Reason { get; init; }

    /// <summary>Number of warnings of the provider's sync (its result has them).</summary>
    [Id(10)] public int Warnings { get; init; }

    /// <summary>How long its sync took.</summary>
    [Id(11)] public TimeSpan Duration { get; init; }

    /// <summary>The changeset, when the request asked for changes.</summary>
    [Id(12)] public Changeset? Changes { get; init; }

    /// <summary>The sources that failed (the sync went on with the others, or was rejected when none answered).</summary>
    [Id(13)] public EquatableArray<string> FailedSources { get; init; }

    /// <summary>The summary of one provider's sync result.</summary>
    public static ProviderSyncSummary From(SyncResult result, bool discovered, string? modelsDevId, bool includeChanges)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            ProviderId = result.ProviderId,
            Status = result.Status,
            Discovered = discovered,
            ModelsDevId = modelsDevId,
            AddedOfferings = result.Changes.AddedOfferings.Count,
            UpdatedOfferings = result.Changes.UpdatedOfferings.Count,
            RemovedOfferings = result.Changes.RemovedOfferings.Count,
            AddedDefinitions = result.Changes.AddedDefinitions.Count,
            UpdatedDefinitions = result.Changes.UpdatedDefinitions.Count,
            Reason = result.Reason,
            Warnings = result.Warnings.Count,
            Duration = result.Duration,
            Changes = includeChanges ? result.Changes : null,
            FailedSources = result.Sources.Where(r => r.Status == SourceStatus.Failed).Select(r => r.Source).ToEquatableArray(),
        };
    }
}

/// <summary>Sums of a catalog-wide sync.</summary>
[GenerateSerializer, Immutable, Alias("starmap.sync-totals")]
public sealed record SyncTotals
{
    /// <summary>Providers synced (or, dry, that would be).</summary>
    [Id(0)] public int Providers { get; init; }

    /// <summary>Providers created from models.dev (or, dry, that would be).</summary>
    [Id(1)] public int Discovered { get; init; }

    /// <summary>Providers whose changes were applied.</summary>
    [Id(2)] public int Applied { get; init; }

    /// <summary>Providers with nothing to change.</summary>
    [Id(3)] public int NoChanges { get; init; }

    /// <summary>Providers dry-run.</summary>
    [Id(4)] public int DryRun { get; init; }

    /// <summary>Providers skipped (no usable source, e.g. a missing key).</summary>
    [Id(5)] public int Skipped { get; init; }

    /// <summary>Providers refused (every source failed, the guard objected, invalid data).</summary>
    [Id(6)] public int Rejected { get; init; }

    /// <summary>Providers that failed unexpectedly.</summary>
    [Id(7)] public int Failed { get; init; }

    /// <summary>Offerings added over every provider.</summary>
    [Id(8)] public int AddedOfferings { get; init; }

    /// <summary>Offerings changed over every provider.</summary>
    [Id(9)] public int UpdatedOfferings { get; init; }

    /// <summary>Offerings marked gone over every provider.</summary>
    [Id(10)] public int RemovedOfferings { get; init; }

    /// <summary>Definitions added over every provider.</summary>
    [Id(11)] public int AddedDefinitions { get; init; }

    /// <summary>Definitions changed over every provider.</summary>
    [Id(12)] public int UpdatedDefinitions { get; init; }

    /// <summary>Providers synced (applied, unchanged or dry) although one of their sources failed: from the others alone.</summary>
    [Id(13)] public int WithFailedSources { get; init; }

    /// <summary>The totals of <paramref name="providers"/>.</summary>
    public static SyncTotals Of(IReadOnlyCollection<ProviderSyncSummary> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        int Count(SyncStatus status) => providers.Count(p => p.Status == status);
        return new()
        {
            Providers = providers.Count,
            Discovered = providers.Count(p => p.Discovered),
            Applied = Count(SyncStatus.Applied),
            NoChanges = Count(SyncStatus.NoChanges),
            DryRun = Count(SyncStatus.DryRun),
            Skipped = Count(SyncStatus.Skipped),
            Rejected = Count(SyncStatus.Rejected),
            Failed = Count(SyncStatus.Failed),
            AddedOfferings = providers.Sum(p => p.AddedOfferings),
            UpdatedOfferings = providers.Sum(p => p.UpdatedOfferings),
            RemovedOfferings = providers.Sum(p => p.RemovedOfferings),
            AddedDefinitions = providers.Sum(p => p.AddedDefinitions),
            UpdatedDefinitions = providers.Sum(p => p.UpdatedDefinitions),
            WithFailedSources = providers.Count(p => !p.FailedSources.IsEmpty && p.Status is SyncStatus.Applied or SyncStatus.NoChanges or SyncStatus.DryRun),
        };
    }
}
