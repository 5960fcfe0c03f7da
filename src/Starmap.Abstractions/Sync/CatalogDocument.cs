namespace Starmap;

/// <summary>
/// A catalog-level file kept as written: Starmap's <c>endpoints.yaml</c> (its generated per-model
/// projection), <c>generation.json</c> (the generation manifest) and <c>authors/README.md</c>. An import
/// of a catalog folder stores them and an export writes them back unchanged.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.catalog-document")]
public sealed record CatalogDocument
{
    /// <summary>Path relative to the catalog folder, with <c>/</c>.</summary>
    [Id(0)] public required string Path { get; init; }

    /// <summary>The file's text.</summary>
    [Id(1)] public required string Text { get; init; }
}
