namespace Starmap;

/// <summary>Provider operations.</summary>
public sealed class ProviderCollection : EntityCollection<Provider, ProviderDetails, ProviderPatch>
{
    internal ProviderCollection(IGrainFactory grains, CatalogSession session)
        : base(grains, session, "provider")
    {
    }

    private IProviderGrain Grain(string id) => Grains.GetGrain<IProviderGrain>(Key(id));

    /// <summary>All providers, sorted by ID.</summary>
    public async Task<Listing<Provider>> ListAsync() =>
        Session.Saw(await Session.Reader(Grains).ListProvidersAsync(Session.Seen));

    /// <summary>Creates or replaces one offering of <paramref name="providerId"/>.</summary>
    public async Task<WriteResult> SetModelAsync(string providerId, Offering model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Session.Saw(await Grain(providerId).SetModelAsync(model with { ProviderId = providerId }));
    }

    /// <summary>Adds one offering; <see cref="StarmapAlreadyExistsException"/> when the model exists.</summary>
    public async Task<WriteResult> CreateModelAsync(string providerId, Offering model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Session.Saw(await Grain(providerId).CreateModelAsync(model with { ProviderId = providerId }));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names on one offering, atomically. With
    /// <paramref name="expectedVersion"/> (<see cref="CatalogModel.ProviderVersion"/> as read), fails with
    /// <see cref="StarmapConflictException"/> when the provider changed since.
    /// </summary>
    public async Task<WriteResult> PatchModelAsync(string providerId, string modelId, OfferingPatch patch, long? expectedVersion = null) =>
        Session.Saw(await Grain(providerId).PatchModelAsync(modelId, patch, expectedVersion));

    /// <summary>One offering; throws when absent.</summary>
    public async Task<Offering> GetModelAsync(string providerId, string modelId) =>
        await Grain(providerId).GetModelAsync(modelId) ?? throw new StarmapNotFoundException("model", providerId + "/" + modelId);

    /// <summary>Deletes one offering.</summary>
    public async Task<WriteResult> DeleteModelAsync(string providerId, string modelId) =>
        Session.Saw(await Grain(providerId).DeleteModelAsync(modelId));

    /// <summary>Offerings of one provider.</summary>
    public Task<EquatableArray<Offering>> ListModelsAsync(string providerId) => Grain(providerId).ListModelsAsync();

    private protected override string IdOf(Provider record) => record.Id;

    private protected override IReadOnlyList<string> AliasesOf(Provider record) => record.Aliases;

    private protected override IReadOnlyList<string>? AliasesOf(ProviderPatch patch) =>
        patch.Fields.Contains("aliases") ? patch.Values.Aliases : null;

    private protected override Task<Listing<Provider>> ListCoreAsync() => ListAsync();

    private protected override Task<ProviderDetails?> FindCoreAsync(string id) => Grain(id).GetAsync();

    private protected override Task<WriteResult> SetCoreAsync(string id, Provider record) => Grain(id).SetAsync(record);

    private protected override Task<WriteResult> CreateCoreAsync(string id, Provider record) => Grain(id).CreateAsync(record);

    private protected override Task<WriteResult> PatchCoreAsync(string id, ProviderPatch patch, long? expectedVersion) =>
        Grain(id).PatchAsync(patch, expectedVersion);

    private protected override Task<WriteResult> DeleteCoreAsync(string id, long? expectedVersion) => Grain(id).DeleteAsync(expectedVersion);
}
