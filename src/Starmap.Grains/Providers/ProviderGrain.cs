using Microsoft.Extensions.Logging;
using Starmap.Catalog;
using Starmap.Catalog.Validation;
using Starmap.Grains.Entities;
using Starmap.Grains.State;
using Starmap.Grains.Sync;

namespace Starmap.Grains.Providers;

/// <summary>
/// Owns one provider and its offerings. Non-reentrant: a write is validated, persisted and published
/// in one turn, so no other call observes a half-applied change. State is immutable records, so what
/// it returns can be shared without copying and cannot be changed by a caller.
/// </summary>
[GrainType(GrainTypes.Provider)]
internal sealed class ProviderGrain(
    [PersistentState(GrainTypes.ProviderState, StorageNames.Catalog)] IPersistentState<ProviderState> state,
    TimeProvider clock,
    ILogger<ProviderGrain> logger) : CatalogEntityGrain<ProviderState>(state, logger), IProviderGrain
{
    private static readonly Func<ILogger, string, long, IDisposable?> WriteScope =
        LoggerMessage.DefineScope<string, long>("provider {ProviderId} generation {Generation}");

    protected override string Kind => "provider";

    protected override IDisposable? BeginWriteScope(ILogger log, long generation) => WriteScope(log, Id, generation);

    protected override void ValidateKey() => IdRules.ValidateProviderId(Id, "provider key");

    protected override Task<long> PublishAsync(ICatalogRegistryGrain registry, ProviderState stored) =>
        registry.PublishProviderAsync(Id, stored.Version, stored.ToDetails());

    public Task<ProviderDetails?> GetAsync() => Task.FromResult(Current.ToDetails());

    public Task<EquatableArray<Offering>> ListModelsAsync() => Task.FromResult(Current.Offerings);

    public Task<Offering?> GetModelAsync(string modelId) => Task.FromResult(Find(modelId));

    public Task<WriteResult> SetAsync(Provider provider)
    {
        ValidateProvider(provider);
        return CommitAsync(Current with { Provider = provider });
    }

    public Task<WriteResult> CreateAsync(Provider provider)
    {
        ValidateProvider(provider);
        if (Current.Provider is not null)
        {
            throw new StarmapAlreadyExistsException("provider", Id);
        }
        return CommitAsync(Current with { Provider = provider });
    }

    public Task<WriteResult> CreateWithModelsAsync(Provider provider, EquatableArray<Offering> offerings)
    {
        // Checked in the turn that writes, so a provider created meanwhile is never overwritten.
        if (Current.Provider is not null)
        {
            throw new StarmapAlreadyExistsException("provider", Id);
        }
        return ReplaceAsync(provider, offerings, expectedVersion: null);
    }

    public Task<WriteResult> PatchAsync(ProviderPatch patch, long? expectedVersion)
    {
        if (patch is null)
        {
            throw new StarmapValidationException("patch", null, "is required");
        }
        var current = Current.Provider ?? throw new StarmapNotFoundException("provider", Id);
        CheckVersion(expectedVersion);
        // Applied to the stored record in this turn: fields the patch does not name cannot go back.
        var next = patch.ApplyTo(current) with { Id = Id };
        ValidateProvider(next);
        return CommitAsync(Current with { Provider = next });
    }

    public async Task<WriteResult> ReplaceAsync(Provider provider, EquatableArray<Offering> offerings, long? expectedVersion)
    {
        CheckVersion(expectedVersion);
        // A sync's replace (every offering validated, stamped, sorted) is computed on the sync's threads (SyncWork);
        // this turn waits for it, so the state it starts from is still the current one.
        var (current, id, now) = (Current, Id, clock.GetUtcNow());
        return await CommitAsync(await SyncWork.RunAsync(() => Replaced(current, id, provider, offerings, now)));
    }

    public async Task<ProviderDetails> StoreUnpublishedAsync(Provider provider, EquatableArray<Offering> offerings)
    {
        var next = Replaced(provider, offerings);
        if (next != Current)
        {
            await StoreAsync(next);
        }
        return Current.ToDetails()!;
    }

    private ProviderState Replaced(Provider provider, EquatableArray<Offering> offerings) =>
        Replaced(Current, Id, provider, offerings, clock.GetUtcNow());

    /// <summary>
    /// What a replace of <paramref name="current"/> (the state of provider <paramref name="id"/>) stores, before
    /// its version is set: validated, stamped and sorted. The seeder's batched write builds its states with
    /// this too, so a provider seeded in a batch is stored exactly as one seeded through its grain.
    /// </summary>
    internal static ProviderState Replaced(ProviderState current, string id, Provider provider, EquatableArray<Offering> offerings, DateTimeOffset now)
    {
        ValidateProvider(provider, id);
        foreach (var offering in offerings)
        {
            CatalogValidator.Validate(offering, id, $"offerings[{offering.ModelId}]");
        }
        SortedRecords.CheckDistinct(offerings, o => o.ModelId, "offerings");
        var stamped = offerings.Select(o => RecordTimestamps.Restamp(SortedRecords.Find(current.Offerings, o.ModelId, x => x.ModelId), o, now));
        return current with { Provider = provider, Offerings = SortedRecords.Sorted(stamped, o => o.ModelId) };
    }

    public Task<WriteResult> DeleteAsync() => DeleteAsync(expectedVersion: null);

    public Task<WriteResult> DeleteAsync(long? expectedVersion)
    {
        if (Current.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        CheckVersion(expectedVersion);
        return CommitAsync(Current with { Provider = null, Offerings = default });
    }

    public Task<WriteResult> SetModelAsync(Offering offering)
    {
        RequireOffering(offering);
        CatalogValidator.Validate(offering, Id, $"offerings[{offering.ModelId}]");
        return CommitAsync(WithOffering(RecordTimestamps.Stamp(Find(offering.ModelId), offering, clock.GetUtcNow())));
    }

    public Task<WriteResult> CreateModelAsync(Offering offering)
    {
        RequireOffering(offering);
        if (Find(offering.ModelId) is not null)
        {
            throw new StarmapAlreadyExistsException("model", $"{Id}/{offering.ModelId}");
        }
        CatalogValidator.Validate(offering, Id, $"offerings[{offering.ModelId}]");
        return CommitAsync(WithOffering(RecordTimestamps.Stamp(null, offering, clock.GetUtcNow())));
    }

    public Task<WriteResult> PatchModelAsync(string modelId, OfferingPatch patch, long? expectedVersion)
    {
        if (patch is null)
        {
            throw new StarmapValidationException("patch", null, "is required");
        }
        if (Current.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        var existing = Find(modelId) ?? throw new StarmapNotFoundException("model", $"{Id}/{modelId}");
        CheckVersion(expectedVersion, "model", $"{Id}/{modelId}");
        // Applied to the stored offering in this turn: fields the patch does not name cannot go back.
        var next = patch.ApplyTo(existing) with { ProviderId = Id, ModelId = existing.ModelId };
        CatalogValidator.Validate(next, Id, $"offerings[{modelId}]");
        return CommitAsync(WithOffering(RecordTimestamps.Stamp(existing, next, clock.GetUtcNow())));
    }

    public Task<WriteResult> DeleteModelAsync(string modelId)
    {
        if (Find(modelId) is null)
        {
            throw new StarmapNotFoundException("model", $"{Id}/{modelId}");
        }
        return CommitAsync(Current with { Offerings = SortedRecords.Without(Current.Offerings, modelId, o => o.ModelId) });
    }

    private void RequireOffering(Offering offering)
    {
        if (offering is null)
        {
            throw new StarmapValidationException("offering", null, "is required");
        }
        if (Current.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
    }

    private void ValidateProvider(Provider provider) => ValidateProvider(provider, Id);

    private static void ValidateProvider(Provider provider, string id)
    {
        if (provider is null)
        {
            throw new StarmapValidationException("provider", null, "is required");
        }
        CatalogValidator.Validate(provider);
        if (provider.Id != id)
        {
            throw new StarmapValidationException("provider.id", provider.Id, $"must equal the provider grain key '{id}'");
        }
    }

    private ProviderState WithOffering(Offering offering) =>
        Current with { Offerings = SortedRecords.Upsert(Current.Offerings, [offering], o => o.ModelId) };

    private Offering? Find(string modelId) => SortedRecords.Find(Current.Offerings, modelId, o => o.ModelId);
}
