namespace Starmap.Formats;

/// <summary>
/// A catalog read from files: every provider with its offerings and every author with its
/// definitions, sorted by ID, plus what the import could not carry over.
/// </summary>
public sealed record ImportedCatalog
{
    /// <summary>Providers with their offerings, sorted by provider ID; offerings sorted by model ID.</summary>
    public EquatableArray<ProviderDetails> Providers { get; init; }

    /// <summary>Authors with their definitions, sorted by author ID; definitions sorted by ID.</summary>
    public EquatableArray<AuthorDetails> Authors { get; init; }

    /// <summary>Catalog-level files kept as written (<see cref="StarmapFiles.DocumentPaths"/>), sorted by path.</summary>
    public EquatableArray<CatalogDocument> Documents { get; init; }

    /// <summary>One line per kind of thing not imported (unknown keys, dropped values), sorted.</summary>
    public EquatableArray<string> Warnings { get; init; }

    /// <summary>The folder read, as a full path; null when built in memory.</summary>
    public string? Root { get; init; }

    /// <summary>Number of providers.</summary>
    public int ProviderCount => Providers.Count;

    /// <summary>Number of authors.</summary>
    public int AuthorCount => Authors.Count;

    /// <summary>Offerings across providers.</summary>
    public int OfferingCount => Providers.Sum(p => p.Offerings.Count);

    /// <summary>Definitions across authors.</summary>
    public int DefinitionCount => Authors.Sum(a => a.Definitions.Count);

    /// <summary>Offerings whose input or output token price is known.</summary>
    public int PricedOfferingCount => Providers.Sum(p => p.Offerings.Count(o =>
        o.Pricing?.Tokens is { } t && (t.Input is not null || t.Output is not null)));
}
