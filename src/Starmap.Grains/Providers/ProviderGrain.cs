using Microsoft.Extensions.Logging;
using Starmap.Catalog.Validation;

namespace Starmap.Grains;

/// <summary>
/// Owns one provider and its offerings. Non-reentrant: a write is validated, persisted and published
/// in one turn, so no other call observes a half-applied change. State is immutable records, so what
/// it returns can be shared without copying and cannot be changed by a caller.
/// </summary>
[GrainType(GrainTypes.Provider)]
internal sealed class ProviderGrain(
    [PersistentState(GrainTypes.ProviderState, StorageNames.Catalog)] IPersistentState<ProviderState> state,
    TimeProvider clock,
    ILogger<ProviderGrain> logger) : Grain, IProviderGrain
{
    private string Id => this.GetPrimaryKeyString();

    private ICatalogRegistryGrain Registry => GrainFactory.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IdRules.ValidateProviderId(Id, "provider key");
        // A crash between persisting and publishing leaves the catalog one version behind; catch it up.
        // Publishing is idempotent, and the catalog never calls back, so this cannot deadlock.
        if (state.RecordExists)
        {
            await Registry.PublishProviderAsync(Id, state.State.Version, state.State.ToDetails());
        }
    }

    public Task<ProviderDetails?> GetAsync() => Task.FromResult(state.State.ToDetails());

    public Task<EquatableArray<Offering>> ListModelsAsync() => Task.FromResult(state.State.Offerings);

    public Task<Offering?> GetModelAsync(string modelId) => Task.FromResult(Find(state.State.Offerings, modelId));

    public Task<WriteResult> SetAsync(Provider provider)
    {
        ValidateProvider(provider);
        return CommitAsync(state.State with { Provider = provider });
    }

    public Task<WriteResult> CreateAsync(Provider provider)
    {
        ValidateProvider(provider);
        if (state.State.Provider is not null)
        {
            throw new StarmapAlreadyExistsException("provider", Id);
        }
        return CommitAsync(state.State with { Provider = provider });
    }

    public Task<WriteResult> CreateWithModelsAsync(Provider provider, EquatableArray<Offering> offerings)
    {
        // Checked in the turn that writes, so a provider created meanwhile is never overwritten.
        if (state.State.Provider is not null)
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
        var current = state.State.Provider ?? throw new StarmapNotFoundException("provider", Id);
        CheckVersion("provider", Id, expectedVersion);
        var next = patch.ApplyTo(current) with { Id = Id };
        ValidateProvider(next);
        return CommitAsync(state.State with { Provider = next });
    }

    public Task<WriteResult> ReplaceAsync(Provider provider, EquatableArray<Offering> offerings, long? expectedVersion)
    {
        CheckVersion("provider", Id, expectedVersion);
        return CommitAsync(Replaced(provider, offerings));
    }

    public async Task<ProviderDetails> StoreUnpublishedAsync(Provider provider, EquatableArray<Offering> offerings)
    {
        var next = Replaced(provider, offerings);
        if (next != state.State)
        {
            await StoreAsync(next);
        }
        return state.State.ToDetails()!;
    }

    private ProviderState Replaced(Provider provider, EquatableArray<Offering> offerings)
    {
        ValidateProvider(provider);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stamped = new List<Offering>(offerings.Count);
        foreach (var offering in offerings)
        {
            CatalogValidator.Validate(offering, Id, $"offerings[{offering.ModelId}]");
            if (!seen.Add(offering.ModelId))
            {
                throw new StarmapValidationException("offerings", offering.ModelId, "appears twice");
            }
            stamped.Add(Restamp(Find(state.State.Offerings, offering.ModelId), offering));
        }
        return state.State with { Provider = provider, Offerings = Sorted(stamped) };
    }

    public Task<WriteResult> DeleteAsync()
    {
        if (state.State.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        return CommitAsync(state.State with { Provider = null, Offerings = default });
    }

    public Task<WriteResult> SetModelAsync(Offering offering)
    {
        if (offering is null)
        {
            throw new StarmapValidationException("offering", null, "is required");
        }
        if (state.State.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        CatalogValidator.Validate(offering, Id, $"offerings[{offering.ModelId}]");
        var existing = Find(state.State.Offerings, offering.ModelId);
        var next = state.State.Offerings.Where(o => o.ModelId != offering.ModelId).Append(Stamp(existing, offering));
        return CommitAsync(state.State with { Offerings = Sorted(next) });
    }

    public Task<WriteResult> CreateModelAsync(Offering offering)
    {
        if (offering is null)
        {
            throw new StarmapValidationException("offering", null, "is required");
        }
        if (state.State.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        if (Find(state.State.Offerings, offering.ModelId) is not null)
        {
            throw new StarmapAlreadyExistsException("model", $"{Id}/{offering.ModelId}");
        }
        CatalogValidator.Validate(offering, Id, $"offerings[{offering.ModelId}]");
        return CommitAsync(state.State with { Offerings = Sorted(state.State.Offerings.Append(Stamp(null, offering))) });
    }

    public Task<WriteResult> PatchModelAsync(string modelId, OfferingPatch patch, long? expectedVersion)
    {
        if (patch is null)
        {
            throw new StarmapValidationException("patch", null, "is required");
        }
        if (state.State.Provider is null)
        {
            throw new StarmapNotFoundException("provider", Id);
        }
        var existing = Find(state.State.Offerings, modelId) ?? throw new StarmapNotFoundException("model", $"{Id}/{modelId}");
        CheckVersion("model", $"{Id}/{modelId}", expectedVersion);
        // Applied to the stored offering in this turn: fields the patch does not name cannot go back.
        var next = patch.ApplyTo(existing) with { ProviderId = Id, ModelId = existing.ModelId };
        CatalogValidator.Validate(next, Id, $"offerings[{modelId}]");
        var offerings = state.State.Offerings.Where(o => o.ModelId != modelId).Append(Stamp(existing, next));
        return CommitAsync(state.State with { Offerings = Sorted(offerings) });
    }

    public Task<WriteResult> DeleteModelAsync(string modelId)
    {
        if (Find(state.State.Offerings, modelId) is null)
        {
            throw new StarmapNotFoundException("model", $"{Id}/{modelId}");
        }
        return CommitAsync(state.State with
        {
            Offerings = state.State.Offerings.Where(o => o.ModelId != modelId).ToEquatableArray(),
        });
    }

    // Checked in the same turn that writes, so nothing can change the state between check and write.
    private void CheckVersion(string kind, string id, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            throw new StarmapConflictException(kind, id, expected, state.State.Version);
        }
    }

    private void ValidateProvider(Provider provider)
    {
        if (provider is null)
        {
            throw new StarmapValidationException("provider", null, "is required");
        }
        CatalogValidator.Validate(provider);
        if (provider.Id != Id)
        {
            throw new StarmapValidationException("provider.id", provider.Id, $"must equal the provider grain key '{Id}'");
        }
    }

    /// <summary>Keeps the first-seen time and moves the update time only when content changed.</summary>
    private Offering Stamp(Offering? existing, Offering incoming)
    {
        var content = incoming with { CreatedAt = null, UpdatedAt = null };
        if (existing is not null && existing with { CreatedAt = null, UpdatedAt = null } == content)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        return content with { CreatedAt = existing?.CreatedAt ?? incoming.CreatedAt ?? now, UpdatedAt = now };
    }

    /// <summary>
    /// A replace (an import, a sync) that states either time carries its record's history: both are kept
    /// as stated, not restamped, so an import of a catalog folder gives back its created_at and updated_at
    /// (an unknown one stays unknown). An offering stating neither is stamped like any other write.
    /// </summary>
    private Offering Restamp(Offering? existing, Offering incoming) =>
        incoming.CreatedAt is null && incoming.UpdatedAt is null ? Stamp(existing, incoming) : incoming;

    private async Task<WriteResult> CommitAsync(ProviderState next)
    {
        var previous = state.State;
        if (next == previous)
        {
            var current = await Registry.PublishProviderAsync(Id, previous.Version, previous.ToDetails());
            return new WriteResult { Changed = false, Version = previous.Version, Generation = current };
        }

        await StoreAsync(next);
        var generation = await Registry.PublishProviderAsync(Id, state.State.Version, state.State.ToDetails());
        using var scope = logger.BeginScope("provider {ProviderId} generation {Generation}", Id, generation);
        logger.LogInformation("Provider {ProviderId} is at version {Version}, catalog generation {Generation}",
            Id, state.State.Version, generation);
        return new WriteResult { Changed = true, Version = state.State.Version, Generation = generation };
    }

    private async Task StoreAsync(ProviderState next)
    {
        var previous = state.State;
        try
        {
            await state.WriteOrRollbackAsync(next with { Version = previous.Version + 1 }, this);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing provider {ProviderId} failed; version stays {Version}", Id, previous.Version);
            throw;
        }
    }

    private static Offering? Find(EquatableArray<Offering> offerings, string modelId)
    {
        // Offerings are kept sorted by ordinal model ID.
        int low = 0, high = offerings.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var cmp = string.CompareOrdinal(offerings[mid].ModelId, modelId);
            if (cmp == 0)
            {
                return offerings[mid];
            }
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return null;
    }

    private static EquatableArray<Offering> Sorted(IEnumerable<Offering> offerings) =>
        offerings.OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray();
}
