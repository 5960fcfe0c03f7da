using Starmap.Formats.StarmapYaml;

namespace Starmap.Formats;

/// <summary>
/// Starmap's on-disk catalog layout: <c>providers.yaml</c>, <c>authors.yaml</c>,
/// <c>providers/&lt;id&gt;/models/&lt;model-id&gt;.yaml</c> (offerings) and
/// <c>authors/&lt;id&gt;/models/&lt;slug&gt;.yaml</c> (definitions), where <c>/</c> in an ID is a folder.
/// </summary>
public static class StarmapFiles
{
    /// <summary>
    /// Catalog-level files an import keeps as written and an export writes back: <c>endpoints.yaml</c>,
    /// <c>generation.json</c> and <c>authors/README.md</c> (see <see cref="CatalogDocument"/>).
    /// </summary>
    public static IReadOnlyList<string> DocumentPaths { get; } = ["authors/README.md", "endpoints.yaml", "generation.json"];

    /// <summary>
    /// Reads a catalog folder. Every record is validated; a malformed file throws
    /// <see cref="CatalogFileException"/> naming the file and line, and nothing is returned.
    /// YAML <c>null</c> and omitted keys import as unknown (null); explicit false and 0 are kept as
    /// known, except limits of 0, which Starmap writes for "not set". What a file holds that its record
    /// cannot (extensions, unknown keys, a spelling the record writes otherwise) is kept on the record as
    /// written (<see cref="UnmodelledValue"/>) and listed in <see cref="ImportedCatalog.Warnings"/>, once
    /// per kind; the <see cref="DocumentPaths"/> files are kept whole in <see cref="ImportedCatalog.Documents"/>. <paramref name="limits"/> (default
    /// <see cref="CatalogLimits.Default"/>) caps each file's size, the number of files and of records; a
    /// symbolic link anywhere in the folder is refused (never followed). Either refusal names the file.
    /// </summary>
    public static ImportedCatalog Import(string root, CatalogLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return StarmapImporter.Import(root, limits);
    }

    /// <summary>
    /// Writes the catalog to <paramref name="root"/>. Output is deterministic (sorted entries, fixed key
    /// order, dates without time) and <see cref="Import"/> of it gives the same records. Records are
    /// validated first and files staged in a hidden sibling folder, so a failure leaves the folder as it
    /// was. The parent folder must exist. An existing non-empty folder is refused unless
    /// <paramref name="overwrite"/>; then only its catalog files (<c>providers.yaml</c>, <c>authors.yaml</c>,
    /// the <see cref="DocumentPaths"/>, <c>*/&lt;id&gt;/models/**.yaml</c>) are replaced or, when no longer in
    /// the catalog, removed; any other file (<c>.git</c>, a README) is never touched. Values the records
    /// kept from the files they were read from are written back where the records still write what they
    /// replaced, and <paramref name="documents"/> are written as they are.
    /// </summary>
    public static void Export(
        string root, IEnumerable<ProviderDetails> providers, IEnumerable<AuthorDetails> authors, bool overwrite = false,
        IEnumerable<CatalogDocument>? documents = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(authors);
        AtomicFolder.Replace(root, StarmapExporter.Render(providers, authors, documents), overwrite);
    }

    /// <summary>Writes an imported catalog with its documents; see <see cref="Export(string, IEnumerable{ProviderDetails}, IEnumerable{AuthorDetails}, bool, IEnumerable{CatalogDocument})"/>.</summary>
    public static void Export(string root, ImportedCatalog catalog, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Export(root, catalog.Providers, catalog.Authors, overwrite, catalog.Documents);
    }

    /// <summary>
    /// The catalog as the "local" sync source: one observation per provider. A file catalog is curated,
    /// so its list is complete for every provider it has model files for; a provider listed without any
    /// (Starmap has some) says nothing about its models, so its list is not complete and removes nothing.
    /// </summary>
    public static EquatableArray<SourceObservation> ToObservations(ImportedCatalog catalog, DateTimeOffset observedAt)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var definitions = catalog.Authors.SelectMany(a => a.Definitions).ToDictionary(d => d.Id, StringComparer.Ordinal);
        return catalog.Providers.Select(p => new SourceObservation
        {
            Source = SourceIds.Local,
            ProviderId = p.Provider.Id,
            ObservedAt = observedAt,
            IsCompleteList = !p.Offerings.IsEmpty,
            Models = p.Offerings.Select(o => new ObservedModel
            {
                ModelId = o.ModelId,
                Offering = o,
                Definition = o.DefinitionId is { } id ? definitions.GetValueOrDefault(id) : null,
            }).ToEquatableArray(),
            Warnings = p.Offerings
                .Where(o => o.DefinitionId is { } id && !definitions.ContainsKey(id))
                .Select(o => $"offering '{o.ModelId}' links definition '{o.DefinitionId}', which the catalog does not hold")
                .ToEquatableArray(),
            Location = catalog.Root is { } root ? Path.Combine(root, "providers", p.Provider.Id) : null,
        }).ToEquatableArray();
    }
}
