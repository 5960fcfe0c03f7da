namespace Starmap;

/// <summary>
/// One author and the model definitions it owns (<c>author/slug</c>; key: author ID). Non-reentrant,
/// like <see cref="IProviderGrain"/>.
/// </summary>
[Alias("starmap.IAuthorGrain")]
public interface IAuthorGrain : IGrainWithStringKey
{
    /// <summary>The author with its definitions, or null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<AuthorDetails?> GetAsync();

    /// <summary>Creates or replaces the author record; its definitions stay.</summary>
    [Alias("SetAsync")]
    Task<WriteResult> SetAsync(Author author);

    /// <summary>Creates the author record; <see cref="StarmapAlreadyExistsException"/> when it exists.</summary>
    [Alias("CreateAsync")]
    Task<WriteResult> CreateAsync(Author author);

    /// <summary>
    /// Changes the fields <paramref name="patch"/> names, in one turn; every other field and every
    /// definition stays as stored. <see cref="StarmapNotFoundException"/> when the author does not exist;
    /// with <paramref name="expectedVersion"/>, <see cref="StarmapConflictException"/> when it differs.
    /// </summary>
    [Alias("PatchAsync")]
    Task<WriteResult> PatchAsync(AuthorPatch patch, long? expectedVersion);

    /// <summary>Replaces the author record and all its definitions in one atomic write.</summary>
    [Alias("ReplaceAsync")]
    Task<WriteResult> ReplaceAsync(Author author, EquatableArray<ModelDefinition> definitions, long? expectedVersion);

    /// <summary>Deletes the author and its definitions; <see cref="StarmapNotFoundException"/> when absent.</summary>
    [Alias("DeleteAsync")]
    Task<WriteResult> DeleteAsync();

    /// <summary>
    /// Deletes the author and its definitions like <see cref="DeleteAsync()"/>; with <paramref name="expectedVersion"/>,
    /// <see cref="StarmapConflictException"/> when the stored version differs (it changed since the caller read it).
    /// </summary>
    [Alias("DeleteExpectingAsync")]
    Task<WriteResult> DeleteAsync(long? expectedVersion);

    /// <summary>Creates or replaces one definition; its ID must start with this author's ID and <c>/</c>.</summary>
    [Alias("SetModelAsync")]
    Task<WriteResult> SetModelAsync(ModelDefinition definition);

    /// <summary>
    /// Creates or replaces many definitions in one atomic write: one stored version and one catalog
    /// generation however many there are (a sync writes each author it touches once). Nothing is written
    /// when any of them is invalid or named twice. <see cref="StarmapNotFoundException"/> when the author
    /// does not exist; with <paramref name="expectedVersion"/>, <see cref="StarmapConflictException"/> when
    /// the stored version differs.
    /// </summary>
    [Alias("SetModelsAsync")]
    Task<WriteResult> SetModelsAsync(EquatableArray<ModelDefinition> definitions, long? expectedVersion);

    /// <summary>One definition by full ID (<c>author/slug</c>) or slug, or null when absent.</summary>
    [Alias("GetModelAsync")]
    Task<ModelDefinition?> GetModelAsync(string id);

    /// <summary>Deletes one definition; <see cref="StarmapNotFoundException"/> when absent.</summary>
    [Alias("DeleteModelAsync")]
    Task<WriteResult> DeleteModelAsync(string id);

    /// <summary>The definitions this author owns, sorted by ID.</summary>
    [Alias("ListModelsAsync")]
    Task<EquatableArray<ModelDefinition>> ListModelsAsync();
}
