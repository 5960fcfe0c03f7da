namespace Starmap.Grains.State;

/// <summary>Stored state of the catalog documents grain: the documents, sorted by path.</summary>
[GenerateSerializer, Immutable, Alias("starmap.state.catalog-documents")]
public sealed record CatalogDocumentsState
{
    /// <summary>Catalog-level files kept as written, sorted by path.</summary>
    [Id(0)] public EquatableArray<CatalogDocument> Documents { get; init; }
}
