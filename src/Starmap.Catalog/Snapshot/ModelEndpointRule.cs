namespace Starmap.Catalog.Snapshot;

/// <summary>
/// Which offerings serve a model asked for by <c>author/slug</c>, for the OpenRouter-style endpoints view.
/// </summary>
/// <remarks>
/// <para>A definition ID: every offering linked to it (also when the definition itself is missing and
/// offerings still name it), so the answer matches the one entry the OpenRouter list has for it.</para>
/// <para>Anything else: offerings with no definition link whose list slug
/// (<see cref="ModelSlug.Of"/>: credited author, else provider, then <c>/</c> and the model ID)
/// or whose model ID equals <paramref name="id"/>, together with every other unlinked offering with one
/// of their model IDs: without a definition the model ID is the only thing tying two providers' offerings
/// of one model together (groq's and openrouter's <c>openai/gpt-oss-120b</c>).</para>
/// </remarks>
internal static class ModelEndpointRule
{
    public static ModelEndpoints? Find(CatalogSnapshot snapshot, string id)
    {
        var definition = snapshot.FindDefinition(id);
        var linked = snapshot.Models.Where(m => string.Equals(m.Offering.DefinitionId, id, StringComparison.Ordinal)).ToEquatableArray();
        if (definition is not null || !linked.IsEmpty)
        {
            return new ModelEndpoints { Id = id, Definition = definition, Offerings = linked, Generation = snapshot.Generation };
        }
        var unlinked = snapshot.Models.Where(m => m.Offering.DefinitionId is null).ToList();
        var modelIds = unlinked
            .Where(m => string.Equals(m.ModelId, id, StringComparison.Ordinal) || string.Equals(ModelSlug.Of(m), id, StringComparison.Ordinal))
            .Select(m => m.ModelId)
            .ToHashSet(StringComparer.Ordinal);
        return modelIds.Count == 0
            ? null
            : new ModelEndpoints { Id = id, Offerings = unlinked.Where(m => modelIds.Contains(m.ModelId)).ToEquatableArray(), Generation = snapshot.Generation };
    }
}
