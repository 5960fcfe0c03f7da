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
        var id = Key(IdOf(record));
        await CheckNamesAsync(id, record);
        return Session.Saw(await SetCoreAsync(id, record));
    }

    /// <summary>Creates the record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    public async Task<WriteResult> CreateAsync(TRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = Key(IdOf(record));
        await CheckNamesAsync(id, record);
        return Session.Saw(await CreateCoreAsync(id, record));
    }

    /// <summary>
    /// Changes only the fields <paramref name="patch"/> names, atomically in the entity's grain. With
    /// <paramref name="expectedVersion"/> (the details' <c>Version</c> as read), fails with
    /// <see cref="StarmapConflictException"/> when the entity changed since; without it, the named fields
    /// are written whatever happened meanwhile, and no other field is touched.
    /// </summary>
    public async Task<WriteResult> PatchAsync(string id, TPatch patch, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (AliasesOf(patch) is { } aliases)
        {
            await CheckNamesAsync(Key(id), aliases);
        }
        return Session.Saw(await PatchCoreAsync(Key(id), patch, expectedVersion));
    }

    /// <summary>
    /// Deletes the entity and everything it owns. With <paramref name="expectedVersion"/> (the details'
    /// <c>Version</c> as read), fails with <see cref="StarmapConflictException"/> when it changed since.
    /// </summary>
    public async Task<WriteResult> DeleteAsync(string id, long? expectedVersion = null) =>
        Session.Saw(await DeleteCoreAsync(Key(id), expectedVersion));

    /// <summary>
    /// Refuses an ID or an alias that is already another entity's ID or alias: an alias is how a source's
    /// name finds an entity (models.dev's "openai" entry goes to the provider that has "openai" as ID or
    /// alias), so a second entity answering to the same name would take the first one's data. Checked against
    /// the catalog as this client last read it: two writes racing to the same new alias are not caught here.
    /// </summary>
    private async Task CheckNamesAsync(string id, TRecord record) => await CheckNamesAsync(id, [id, .. AliasesOf(record)]);

    private async Task CheckNamesAsync(string id, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }
        foreach (var other in (await ListCoreAsync()).Items)
        {
            var otherId = IdOf(other);
            if (otherId == id)
            {
                continue;
            }
            var otherNames = AliasesOf(other);
            if (names.FirstOrDefault(name => otherId == name || otherNames.Contains(name)) is { } taken)
            {
                var how = otherId == taken ? "the ID" : "an alias";
                throw new StarmapValidationException("aliases", taken,
                    $"is {how} of {_kind} '{otherId}'; a name answers for one {_kind} only, or the other's data would come here");
            }
        }
    }

    /// <summary>The record's aliases (empty for an entity without them).</summary>
    private protected abstract IReadOnlyList<string> AliasesOf(TRecord record);

    /// <summary>The aliases a patch sets, or null when it leaves them as they are.</summary>
    private protected abstract IReadOnlyList<string>? AliasesOf(TPatch patch);

    /// <summary>Every entity of the kind, as the catalog holds them.</summary>
    private protected abstract Task<Listing<TRecord>> ListCoreAsync();

    /// <summary><paramref name="id"/> when it can be a grain key; else a validation error naming the key.</summary>
    private protected string Key(string? id) => GrainKeys.Check(id, $"{_kind} key");

    private protected abstract string IdOf(TRecord record);

    private protected abstract Task<TDetails?> FindCoreAsync(string id);

    private protected abstract Task<WriteResult> SetCoreAsync(string id, TRecord record);

    private protected abstract Task<WriteResult> CreateCoreAsync(string id, TRecord record);

    private protected abstract Task<WriteResult> PatchCoreAsync(string id, TPatch patch, long? expectedVersion);

    private protected abstract Task<WriteResult> DeleteCoreAsync(string id, long? expectedVersion);
}
