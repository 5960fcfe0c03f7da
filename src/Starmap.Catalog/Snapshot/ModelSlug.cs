namespace Starmap.Catalog.Snapshot;

/// <summary>
/// The <c>author/slug</c> an offering is listed under in the OpenRouter-style views. It lives in the core,
/// not with the interop formats, because point reads by that slug (<see cref="ModelEndpointRule"/>) need it too.
/// </summary>
public static class ModelSlug
{
    /// <summary>The definition ID when the offering links one; else the credited author (or the provider), <c>/</c>, the model ID.</summary>
    public static string Of(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Offering.DefinitionId ?? (model.AuthorIds.IsEmpty ? model.ProviderId : model.AuthorIds[0]) + "/" + model.ModelId;
    }
}
