using Starmap.Formats;
using Starmap.Grains.State;

namespace Starmap.Grains.Catalog;

/// <summary>Stores the catalog-level files of the last catalog folder imported; see <see cref="ICatalogDocumentsGrain"/>.</summary>
[GrainType(GrainTypes.CatalogDocuments)]
internal sealed class CatalogDocumentsGrain(
    [PersistentState("documents", StorageNames.Catalog)] IPersistentState<CatalogDocumentsState> state) : Grain, ICatalogDocumentsGrain
{
    public Task<EquatableArray<CatalogDocument>> GetAsync() => Task.FromResult(state.State.Documents);

    public async Task ReplaceAsync(EquatableArray<CatalogDocument> documents)
    {
        Validate(documents);
        var sorted = documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToEquatableArray();
        if (sorted == state.State.Documents)
        {
            return;
        }
        await state.WriteOrRollbackAsync(state.State with { Documents = sorted }, this);
    }

    /// <summary>Only Starmap's catalog-level files, each once: an export writes them into the catalog folder.</summary>
    public static void Validate(EquatableArray<CatalogDocument> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document is null)
            {
                throw new StarmapValidationException("documents", null, "must not hold null");
            }
            if (!StarmapFiles.DocumentPaths.Contains(document.Path, StringComparer.Ordinal))
            {
                throw new StarmapValidationException("documents.path", document.Path, $"is not one of {string.Join(", ", StarmapFiles.DocumentPaths)}");
            }
            if (document.Text is null)
            {
                throw new StarmapValidationException($"documents[{document.Path}].text", null, "is required");
            }
            if (!seen.Add(document.Path))
            {
                throw new StarmapValidationException("documents", document.Path, "appears twice");
            }
        }
    }
}
