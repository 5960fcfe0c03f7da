namespace Starmap;

/// <summary>
/// "Who serves this model, at what price": every offering of one model, by its <c>author/slug</c>.
/// For a model definition, the offerings linked to it; for a model without one, the unlinked offerings
/// listed under that slug (<c>author-or-provider/model-id</c>) or that model ID, and every unlinked
/// offering sharing a model ID with them (docs in README, "Who serves this model").
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.model-endpoints")]
public sealed record ModelEndpoints
{
    /// <summary>The <c>author/slug</c> (or model ID) asked for.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The definition of that ID, when the catalog has one.</summary>
    [Id(1)] public ModelDefinition? Definition { get; init; }

    /// <summary>The offerings, sorted by provider then model ID; empty for a definition nobody serves.</summary>
    [Id(2)] public EquatableArray<CatalogModel> Offerings { get; init; }

    /// <summary>Catalog generation the answer reflects.</summary>
    [Id(3)] public long Generation { get; init; }
}
