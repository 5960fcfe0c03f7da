namespace Starmap.Catalog;

/// <summary>
/// The JSON shape of the generated built-in catalog (<c>Seed/catalog.json.gz</c>): whole provider and author
/// states as <see cref="SeedGenerator"/> made them from a models.dev snapshot and the curated catalog.
/// </summary>
public sealed record GeneratedCatalogFile
{
    /// <summary>Version of the built-in catalog: the curated version and the snapshot date.</summary>
    public required string Version { get; init; }

    /// <summary>Date of the models.dev snapshot (its newest <c>last_updated</c>, or as given).</summary>
    public required DateOnly Recorded { get; init; }

    /// <summary>Where the facts come from, and their licences.</summary>
    public string? Sources { get; init; }

    /// <summary>Providers with their offerings, sorted by ID.</summary>
    public required EquatableArray<ProviderDetails> Providers { get; init; }

    /// <summary>Authors with their definitions, sorted by ID.</summary>
    public required EquatableArray<AuthorDetails> Authors { get; init; }
}
