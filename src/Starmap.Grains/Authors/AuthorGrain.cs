using Microsoft.Extensions.Logging;
using Starmap.Catalog.Validation;
using Starmap.Grains.Entities;
using Starmap.Grains.Providers;
using Starmap.Grains.State;

namespace Starmap.Grains.Authors;

/// <summary>
/// Owns one author and the model definitions whose ID starts with <c>author/</c>. Non-reentrant and
/// immutable like <see cref="ProviderGrain"/>.
/// </summary>
[GrainType(GrainTypes.Author)]
internal sealed class AuthorGrain(
    [PersistentState(GrainTypes.AuthorState, StorageNames.Catalog)] IPersistentState<AuthorState> state,
    ILogger<AuthorGrain> logger) : CatalogEntityGrain<AuthorState>(state, logger), IAuthorGrain
{
    private static readonly Func<ILogger, string, long, IDisposable?> WriteScope =
        LoggerMessage.DefineScope<string, long>("author {AuthorId} generation {Generation}");

    protected override string Kind => "author";

    protected override IDisposable? BeginWriteScope(ILogger log, long generation) => WriteScope(log, Id, generation);

    protected override void ValidateKey() => IdRules.ValidateAuthorId(Id, "author key");

    protected override Task<long> PublishAsync(ICatalogRegistryGrain registry, AuthorState stored) =>
        registry.PublishAuthorAsync(Id, stored.Version, stored.ToDetails());

    public Task<AuthorDetails?> GetAsync() => Task.FromResult(Current.ToDetails());

    public Task<EquatableArray<ModelDefinition>> ListModelsAsync() => Task.FromResult(Current.Definitions);

    public Task<ModelDefinition?> GetModelAsync(string id) => Task.FromResult(id is null ? null : Find(FullId(id)));

    public Task<WriteResult> SetAsync(Author author)
    {
        ValidateAuthor(author);
        return CommitAsync(Current with { Author = author });
    }

    public Task<WriteResult> CreateAsync(Author author)
    {
        ValidateAuthor(author);
        if (Current.Author is not null)
        {
            throw new StarmapAlreadyExistsException("author", Id);
        }
        return CommitAsync(Current with { Author = author });
    }

    public Task<WriteResult> PatchAsync(AuthorPatch patch, long? expectedVersion)
    {
        if (patch is null)
        {
            throw new StarmapValidationException("patch", null, "is required");
        }
        var current = Current.Author ?? throw new StarmapNotFoundException("author", Id);
        CheckVersion(expectedVersion);
        // Applied to the stored record in this turn: fields the patch does not name cannot go back.
        var next = patch.ApplyTo(current) with { Id = Id };
        ValidateAuthor(next);
        return CommitAsync(Current with { Author = next });
    }

    public Task<WriteResult> ReplaceAsync(Author author, EquatableArray<ModelDefinition> definitions, long? expectedVersion)
    {
        CheckVersion(expectedVersion);
        ValidateAuthor(author);
        ValidateDefinitions(definitions);
        return CommitAsync(Current with { Author = author, Definitions = SortedRecords.Sorted(definitions, d => d.Id) });
    }

    public Task<WriteResult> DeleteAsync() => DeleteAsync(expectedVersion: null);

    public Task<WriteResult> DeleteAsync(long? expectedVersion)
    {
        if (Current.Author is null)
        {
            throw new StarmapNotFoundException("author", Id);
        }
        CheckVersion(expectedVersion);
        return CommitAsync(Current with { Author = null, Definitions = default });
    }

    public Task<WriteResult> SetModelAsync(ModelDefinition definition)
    {
        if (definition is null)
        {
            throw new StarmapValidationException("definition", null, "is required");
        }
        return SetModelsAsync([definition], expectedVersion: null);
    }

    public Task<WriteResult> SetModelsAsync(EquatableArray<ModelDefinition> definitions, long? expectedVersion)
    {
        if (Current.Author is null)
        {
            throw new StarmapNotFoundException("author", Id);
        }
        CheckVersion(expectedVersion);
        ValidateDefinitions(definitions);
        // All or nothing: one state, one stored version, one publish, however many definitions.
        return CommitAsync(Current with { Definitions = SortedRecords.Upsert(Current.Definitions, definitions, d => d.Id) });
    }

    public Task<WriteResult> DeleteModelAsync(string id)
    {
        if (id is null)
        {
            throw new StarmapValidationException("id", null, "is required");
        }
        var fullId = FullId(id);
        if (Find(fullId) is null)
        {
            throw new StarmapNotFoundException("definition", fullId);
        }
        return CommitAsync(Current with { Definitions = SortedRecords.Without(Current.Definitions, fullId, d => d.Id) });
    }

    private void ValidateAuthor(Author author)
    {
        if (author is null)
        {
            throw new StarmapValidationException("author", null, "is required");
        }
        CatalogValidator.Validate(author);
        if (author.Id != Id)
        {
            throw new StarmapValidationException("author.id", author.Id, $"must equal the author grain key '{Id}'");
        }
    }

    private void ValidateDefinitions(EquatableArray<ModelDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (definition is null)
            {
                throw new StarmapValidationException("definitions", null, "must not hold an empty entry");
            }
            CatalogValidator.Validate(definition, Id, $"definitions[{definition.Id}]");
        }
        SortedRecords.CheckDistinct(definitions, d => d.Id, "definitions");
    }

    private string FullId(string id) => id.StartsWith(Id + "/", StringComparison.Ordinal) ? id : $"{Id}/{id}";

    private ModelDefinition? Find(string fullId) => SortedRecords.Find(Current.Definitions, fullId, d => d.Id);
}
