namespace Starmap;

/// <summary>
/// What <see cref="ProviderCollection"/> and <see cref="AuthorCollection"/> share: one entity read from its
/// own grain (always the newest), and writes of its record, each remembered by the catalog's session so
/// later reads see them. Keys are checked before they become grain keys.
/// </summary>
/// <typeparam name="TRecord">The entity's record (<see cref="Provider"/>, <see cref="Author"/>).</typeparam>
/// <typeparam name="TDetails">The record with what it owns and its version.</typeparam>
/// <typeparam name="TPatch">A change of some of the record's fields.</typeparam>
public abstract class EntityCollection<TRecord, TDetails, TPatch>
    where TRecord : class
    where TDetails : class
    where TPatch : class
{
    private readonly string _kind;

    private protected EntityCollection(IGrainFactory grains, CatalogSession session, string kind)
    {
        Grains = grains;
        Session = session;
        _kind = kind;
    }

    private protected IGrainFactory Grains { get; }

    private protected CatalogSession Session { get; }

    /// <summary>The entity with what it owns; throws <see cref="StarmapNotFoundException"/> when absent.</summary>
    public async Task<TDetails> GetAsync(string id) =>
        await FindAsync(id) ?? throw new StarmapNotFoundException(_kind, id);

    /// <summary>The entity with what it owns, or null (read from its grain: always the newest).</summary>
    public Task<TDetails?> FindAsync(string id) => FindCoreAsync(Key(id));

    /// <summary>Creates or replaces the record; what the entity owns stays.</summary>
    public async Task<WriteResult> SetAsync(TRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Session.Saw(await SetCoreAsync(Key(IdOf(record)), record));
    }

    /// <summary>Creates the record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    public async Task<WriteResult> CreateAsync(TRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Session.Saw(await CreateCoreAsync(Key(IdOf(record)), record));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names, atomically in the entity's grain. With
    /// <paramref name="expectedVersion"/> (the details' <c>Version</c> as read), fails with
    /// <see cref="StarmapConflictException"/> when the entity changed since; without it, the named fields
    /// are written whatever happened meanwhile, and no other field is touched.
    /// </summary>
    public async Task<WriteResult> PatchAsync(string id, TPatch patch, long? expectedVersion = null) =>
        Session.Saw(await PatchCoreAsync(Key(id), patch, expectedVersion));

    /// <summary>
    /// Deletes the entity and everything it owns. With <paramref name="expectedVersion"/> (the details'
    /// <c>Version</c> as read), fails with <see cref="StarmapConflictException"/> when it changed since.
    /// </summary>
    public async Task<WriteResult> DeleteAsync(string id, long? expectedVersion = null) =>
        Session.Saw(await DeleteCoreAsync(Key(id), expectedVersion));

    /// <summary><paramref name="id"/> when it can be a grain key; else a validation error naming the key.</summary>
    private protected string Key(string? id) => GrainKeys.Check(id, $"{_kind} key");

    private protected abstract string IdOf(TRecord record);

    private protected abstract Task<TDetails?> FindCoreAsync(string id);

    private protected abstract Task<WriteResult> SetCoreAsync(string id, TRecord record);

    private protected abstract Task<WriteResult> CreateCoreAsync(string id, TRecord record);

    private protected abstract Task<WriteResult> PatchCoreAsync(string id, TPatch patch, long? expectedVersion);

    private protected abstract Task<WriteResult> DeleteCoreAsync(string id, long? expectedVersion);
}
