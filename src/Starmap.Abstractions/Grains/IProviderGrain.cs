namespace Starmap;

/// <summary>
/// One provider and its offerings (key: provider ID). Non-reentrant: each write is validated,
/// persisted and published to the catalog in one turn, and no reader sees half of it. Everything it
/// returns is deeply immutable.
/// </summary>
[Alias("starmap.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>The provider with its offerings, or null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<ProviderDetails?> GetAsync();

    /// <summary>Creates or replaces the provider record; its offerings stay.</summary>
    [Alias("SetAsync")]
    Task<WriteResult> SetAsync(Provider provider);

    /// <summary>Creates the provider record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    [Alias("CreateAsync")]
    Task<WriteResult> CreateAsync(Provider provider);

    /// <summary>
    /// Creates the provider record with its offerings in one write (a provider discovered by a sync);
    /// <see cref="StarmapAlreadyExistsException"/> when it exists.
    /// </summary>
    [Alias("CreateWithModelsAsync")]
    Task<WriteResult> CreateWithModelsAsync(Provider provider, EquatableArray<Offering> offerings);

    /// <summary>
    /// Changes the fields <paramref name="patch"/> names, in one turn: every other field, and every
    /// offering, stays as stored. <see cref="StarmapNotFoundException"/> when the provider does not exist;
    /// with <paramref name="expectedVersion"/>, <see cref="StarmapConflictException"/> when the stored
    /// version differs (the provider changed since the caller read it).
    /// </summary>
    [Alias("PatchAsync")]
    Task<WriteResult> PatchAsync(ProviderPatch patch, long? expectedVersion);

    /// <summary>
    /// Replaces the provider record and all its offerings in one atomic write. With
    /// <paramref name="expectedVersion"/>, fails with <see cref="StarmapConflictException"/> when the
    /// stored version differs.
    /// </summary>
    [Alias("ReplaceAsync")]
    Task<WriteResult> ReplaceAsync(Provider provider, EquatableArray<Offering> offerings, long? expectedVersion);

    /// <summary>
    /// Replaces the provider record and all its offerings like <see cref="ReplaceAsync"/> (whatever the
    /// version), but does not publish the change: the caller publishes many providers in one catalog
    /// generation with <see cref="ICatalogRegistryGrain.PublishProvidersAsync"/>. For the built-in catalog seeder,
    /// which would otherwise rebuild the catalog once per provider. Returns the stored state.
    /// </summary>
    [Alias("StoreUnpublishedAsync")]
    Task<ProviderDetails> StoreUnpublishedAsync(Provider provider, EquatableArray<Offering> offerings);

    /// <summary>Deletes the provider and its offerings; <see cref="StarmapNotFoundException"/> when absent.</summary>
    [Alias("DeleteAsync")]
    Task<WriteResult> DeleteAsync();

    /// <summary>
    /// Deletes the provider and its offerings like <see cref="DeleteAsync()"/>; with <paramref name="expectedVersion"/>,
    /// <see cref="StarmapConflictException"/> when the stored version differs (it changed since the caller read it).
    /// </summary>
    [Alias("DeleteExpectingAsync")]
    Task<WriteResult> DeleteAsync(long? expectedVersion);

    /// <summary>Creates or replaces one offering; the provider must exist.</summary>
    [Alias("SetModelAsync")]
    Task<WriteResult> SetModelAsync(Offering offering);

    /// <summary>
    /// Adds one offering; <see cref="StarmapNotFoundException"/> when the provider does not exist,
    /// <see cref="StarmapAlreadyExistsException"/> when the model does.
    /// </summary>
    [Alias("CreateModelAsync")]
    Task<WriteResult> CreateModelAsync(Offering offering);

    /// <summary>
    /// Changes the fields <paramref name="patch"/> names on one offering, in one turn; every other field
    /// stays as stored. <see cref="StarmapNotFoundException"/> when the provider or the model does not
    /// exist; with <paramref name="expectedVersion"/> (this provider's version, which every change to it
    /// or any of its offerings moves), <see cref="StarmapConflictException"/> when it differs.
    /// </summary>
    [Alias("PatchModelAsync")]
    Task<WriteResult> PatchModelAsync(string modelId, OfferingPatch patch, long? expectedVersion);

    /// <summary>One offering by the provider's model ID, or null when absent.</summary>
    [Alias("GetModelAsync")]
    Task<Offering?> GetModelAsync(string modelId);

    /// <summary>Deletes one offering; <see cref="StarmapNotFoundException"/> when absent.</summary>
    [Alias("DeleteModelAsync")]
    Task<WriteResult> DeleteModelAsync(string modelId);

    /// <summary>All offerings sorted by model ID; empty when the provider does not exist.</summary>
    [Alias("ListModelsAsync")]
    Task<EquatableArray<Offering>> ListModelsAsync();
}
