using Orleans.Concurrency;
using Starmap.Catalog.Validation;
using Starmap.Sync;

namespace Starmap.Grains.Catalog;

/// <summary>
/// Bulk import and export; every write still goes through the entity's own grain. Imported offerings and
/// definitions are source records: a refused field is left unknown with a quarantine note, and only a
/// record with no usable ID is left out (named in the result's warnings).
/// </summary>
[StatelessWorker, GrainType("starmap.catalog-transfer")]
internal sealed class CatalogTransferGrain(TimeProvider clock) : Grain, ICatalogTransferGrain
{
    private ICatalogRegistryGrain Registry => GrainFactory.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default);

    private ICatalogDocumentsGrain Documents => GrainFactory.GetGrain<ICatalogDocumentsGrain>(CatalogKeys.Default);

    public async Task<CatalogContent> ExportAsync()
    {
        var content = await Registry.ExportAsync();
        return content with { Documents = await Documents.GetAsync() };
    }

    public async Task<ImportResult> ImportAsync(CatalogContent content, bool dryRun)
    {
        if (content is null)
        {
            throw new StarmapValidationException("content", null, "is required");
        }
        var warnings = new List<string>();
        content = RecordSanitizer.Sanitize(content, RecordSanitizer.ImportSource, clock.GetUtcNow(), warnings);
        Validate(content);

        var current = await Registry.ExportAsync();
        var definitionsBefore = current.Authors.SelectMany(a => a.Definitions).ToList();
        var providerChanges = new List<ProviderChanges>();
        foreach (var provider in content.Providers)
        {
            var before = current.Providers.FirstOrDefault(p => p.Provider.Id == provider.Provider.Id);
            var changes = Differ.Diff(before, provider);
            if (!changes.IsEmpty)
            {
                providerChanges.Add(new ProviderChanges { ProviderId = provider.Provider.Id, Changes = changes });
            }
        }
        var authorChanges = new List<EntityChange>();
        foreach (var author in content.Authors)
        {
            var before = current.Authors.FirstOrDefault(a => a.Author.Id == author.Author.Id);
            var fields = Differ.Compare(before?.Author, author.Author);
            var definitions = Differ.Diff(null, null, definitionsBefore, author.Definitions);
            if (!fields.IsEmpty || !definitions.AddedDefinitions.IsEmpty || !definitions.UpdatedDefinitions.IsEmpty
                || (before?.Definitions.Count ?? 0) != author.Definitions.Count)
            {
                authorChanges.Add(new EntityChange { Id = author.Author.Id, Fields = fields });
            }
        }

        var generation = current.Generation;
        if (!dryRun)
        {
            // Whichever surface sent the file, the change log records these writes as an import.
            RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.Import);
            // Authors first: offerings may link their definitions.
            foreach (var author in content.Authors)
            {
                var write = await GrainFactory.GetGrain<IAuthorGrain>(author.Author.Id).ReplaceAsync(author.Author, author.Definitions, expectedVersion: null);
                generation = Math.Max(generation, write.Generation);
            }
            foreach (var provider in content.Providers)
            {
                var write = await GrainFactory.GetGrain<IProviderGrain>(provider.Provider.Id).ReplaceAsync(provider.Provider, provider.Offerings, expectedVersion: null);
                generation = Math.Max(generation, write.Generation);
            }
            // A folder's own catalog documents replace the stored ones; content without any (JSON) leaves them.
            if (!content.Documents.IsEmpty)
            {
                await Documents.ReplaceAsync(content.Documents);
            }
        }
        return new ImportResult
        {
            DryRun = dryRun,
            Providers = providerChanges.ToEquatableArray(),
            Authors = authorChanges.ToEquatableArray(),
            Generation = generation,
            Warnings = [.. warnings],
        };
    }

    /// <summary>Everything is checked before the first write, so bad input writes nothing.</summary>
    private static void Validate(CatalogContent content)
    {
        CatalogDocumentsGrain.Validate(content.Documents);
        var providerIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in content.Providers)
        {
            CatalogValidator.Validate(provider.Provider);
            if (!providerIds.Add(provider.Provider.Id))
            {
                throw new StarmapValidationException("providers", provider.Provider.Id, "appears twice");
            }
            var models = new HashSet<string>(StringComparer.Ordinal);
            foreach (var offering in provider.Offerings)
            {
                CatalogValidator.Validate(offering, provider.Provider.Id, $"providers[{provider.Provider.Id}].offerings[{offering.ModelId}]");
                if (!models.Add(offering.ModelId))
                {
                    throw new StarmapValidationException($"providers[{provider.Provider.Id}].offerings", offering.ModelId, "appears twice");
                }
            }
        }
        var authorIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var author in content.Authors)
        {
            CatalogValidator.Validate(author.Author);
            if (!authorIds.Add(author.Author.Id))
            {
                throw new StarmapValidationException("authors", author.Author.Id, "appears twice");
            }
            foreach (var definition in author.Definitions)
            {
                CatalogValidator.Validate(definition, author.Author.Id, $"authors[{author.Author.Id}].definitions[{definition.Id}]");
            }
        }
    }
}
