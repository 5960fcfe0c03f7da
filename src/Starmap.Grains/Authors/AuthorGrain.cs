using Microsoft.Extensions.Logging;
using Starmap.Catalog.Validation;

namespace Starmap.Grains;

/// <summary>
/// Owns one author and the model definitions whose ID starts with <c>author/</c>. Non-reentrant and
/// immutable like <see cref="ProviderGrain"/>.
/// </summary>
[GrainType(GrainTypes.Author)]
internal sealed class AuthorGrain(
    [PersistentState(GrainTypes.AuthorState, StorageNames.Catalog)] IPersistentState<AuthorState> state,
    ILogger<AuthorGrain> logger) : Grain, IAuthorGrain
{
    private string Id => this.GetPrimaryKeyString();

    private ICatalogRegistryGrain Registry => GrainFactory.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IdRules.ValidateAuthorId(Id, "author key");
        if (state.RecordExists)
        {
            await Registry.PublishAuthorAsync(Id, state.State.Version, state.State.ToDetails());
        }
    }

    public Task<AuthorDetails?> GetAsync() => Task.FromResult(state.State.ToDetails());

    public Task<EquatableArray<ModelDefinition>> ListModelsAsync() => Task.FromResult(state.State.Definitions);

    public Task<ModelDefinition?> GetModelAsync(string id) => Task.FromResult(Find(FullId(id)));

    public Task<WriteResult> SetAsync(Author author)
    {
        ValidateAuthor(author);
        return CommitAsync(state.State with { Author = author });
    }

    public Task<WriteResult> CreateAsync(Author author)
    {
        ValidateAuthor(author);
        if (state.State.Author is not null)
        {
            throw new StarmapAlreadyExistsException("author", Id);
        }
        return CommitAsync(state.State with { Author = author });
    }

    public Task<WriteResult> PatchAsync(AuthorPatch patch, long? expectedVersion)
    {
        if (patch is null)
        {
            throw new StarmapValidationException("patch", null, "is required");
        }
        var current = state.State.Author ?? throw new StarmapNotFoundException("author", Id);
        CheckVersion(expectedVersion);
        // Applied to the stored record in this turn: fields the patch does not name cannot go back.
        var next = patch.ApplyTo(current) with { Id = Id };
        ValidateAuthor(next);
        return CommitAsync(state.State with { Author = next });
    }

    public Task<WriteResult> ReplaceAsync(Author author, EquatableArray<ModelDefinition> definitions, long? expectedVersion)
    {
        CheckVersion(expectedVersion);
        ValidateAuthor(author);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            CatalogValidator.Validate(definition, Id, $"definitions[{definition.Id}]");
            if (!seen.Add(definition.Id))
            {
                throw new StarmapValidationException("definitions", definition.Id, "appears twice");
            }
        }
        return CommitAsync(state.State with { Author = author, Definitions = Sorted(definitions) });
    }

    public Task<WriteResult> DeleteAsync()
    {
        if (state.State.Author is null)
        {
            throw new StarmapNotFoundException("author", Id);
        }
        return CommitAsync(state.State with { Author = null, Definitions = default });
    }

    public Task<WriteResult> SetModelAsync(ModelDefinition definition)
    {
        if (definition is null)
        {
            throw new StarmapValidationException("definition", null, "is required");
        }
        if (state.State.Author is null)
        {
            throw new StarmapNotFoundException("author", Id);
        }
        CatalogValidator.Validate(definition, Id, $"definitions[{definition.Id}]");
        var next = state.State.Definitions.Where(d => d.Id != definition.Id).Append(definition);
        return CommitAsync(state.State with { Definitions = Sorted(next) });
    }

    public Task<WriteResult> DeleteModelAsync(string id)
    {
        var fullId = FullId(id);
        if (Find(fullId) is null)
        {
            throw new StarmapNotFoundException("definition", fullId);
        }
        return CommitAsync(state.State with
        {
            Definitions = state.State.Definitions.Where(d => d.Id != fullId).ToEquatableArray(),
        });
    }

    // Checked in the same turn that writes, so nothing can change the state between check and write.
    private void CheckVersion(long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            throw new StarmapConflictException("author", Id, expected, state.State.Version);
        }
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

    private string FullId(string id) => id.StartsWith(Id + "/", StringComparison.Ordinal) ? id : $"{Id}/{id}";

    private ModelDefinition? Find(string fullId)
    {
        foreach (var definition in state.State.Definitions)
        {
            if (definition.Id == fullId)
            {
                return definition;
            }
        }
        return null;
    }

    private async Task<WriteResult> CommitAsync(AuthorState next)
    {
        var previous = state.State;
        if (next == previous)
        {
            var current = await Registry.PublishAuthorAsync(Id, previous.Version, previous.ToDetails());
            return new WriteResult { Changed = false, Version = previous.Version, Generation = current };
        }

        try
        {
            await state.WriteOrRollbackAsync(next with { Version = previous.Version + 1 }, this);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing author {AuthorId} failed; version stays {Version}", Id, previous.Version);
            throw;
        }

        var generation = await Registry.PublishAuthorAsync(Id, state.State.Version, state.State.ToDetails());
        using var scope = logger.BeginScope("author {AuthorId} generation {Generation}", Id, generation);
        logger.LogInformation("Author {AuthorId} is at version {Version}, catalog generation {Generation}",
            Id, state.State.Version, generation);
        return new WriteResult { Changed = true, Version = state.State.Version, Generation = generation };
    }

    private static EquatableArray<ModelDefinition> Sorted(IEnumerable<ModelDefinition> definitions) =>
        definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ToEquatableArray();
}
