using System.Text.Json;

namespace Starmap.Catalog;

/// <summary>
/// The catalog the service ships with: facts written by this project with a recorded date, embedded
/// in the assembly. Loading validates every record, so a broken seed fails the build's tests.
/// </summary>
public sealed class BuiltInCatalog
{
    private const string ResourceName = "Starmap.Seed.catalog.json";

    private BuiltInCatalog(string version, DateOnly recorded, EquatableArray<ProviderDetails> providers, EquatableArray<AuthorDetails> authors)
    {
        Version = version;
        Recorded = recorded;
        Providers = providers;
        Authors = authors;
    }

    /// <summary>Version of the built-in catalog.</summary>
    public string Version { get; }

    /// <summary>Date its facts were recorded.</summary>
    public DateOnly Recorded { get; }

    /// <summary>Providers with offerings, sorted by ID.</summary>
    public EquatableArray<ProviderDetails> Providers { get; }

    /// <summary>Authors with definitions, sorted by ID.</summary>
    public EquatableArray<AuthorDetails> Authors { get; }

    /// <summary>Loads the embedded catalog.</summary>
    public static BuiltInCatalog Load()
    {
        using var stream = typeof(BuiltInCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and validates a catalog file; errors name the record and field.</summary>
    public static BuiltInCatalog Parse(string json)
    {
        BuiltInCatalogFile file;
        try
        {
            file = StarmapJson.Deserialize<BuiltInCatalogFile>(json);
        }
        catch (JsonException ex)
        {
            throw new StarmapValidationException("catalog.json", ex.Path, ex.Message);
        }

        var providers = new List<ProviderDetails>();
        foreach (var seed in file.Providers)
        {
            CatalogValidator.Validate(seed.Provider);
            var offerings = seed.Offerings.Select(o => o.ToOffering(seed.Provider.Id))
                .OrderBy(o => o.ModelId, StringComparer.Ordinal).ToList();
            foreach (var offering in offerings)
            {
                CatalogValidator.Validate(offering, seed.Provider.Id, $"providers[{seed.Provider.Id}].offerings[{offering.ModelId}]");
            }
            Unique(offerings.Select(o => o.ModelId), $"providers[{seed.Provider.Id}].offerings");
            providers.Add(new ProviderDetails { Provider = seed.Provider, Offerings = offerings.ToEquatableArray(), Version = 0 });
        }

        var authors = new List<AuthorDetails>();
        foreach (var seed in file.Authors)
        {
            CatalogValidator.Validate(seed.Author);
            var definitions = seed.Definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            foreach (var definition in definitions)
            {
                CatalogValidator.Validate(definition, seed.Author.Id, $"authors[{seed.Author.Id}].definitions[{definition.Id}]");
            }
            Unique(definitions.Select(d => d.Id), $"authors[{seed.Author.Id}].definitions");
            authors.Add(new AuthorDetails { Author = seed.Author, Definitions = definitions.ToEquatableArray(), Version = 0 });
        }

        Unique(providers.Select(p => p.Provider.Id), "providers");
        Unique(authors.Select(a => a.Author.Id), "authors");

        return new BuiltInCatalog(
            file.Version,
            file.Recorded,
            providers.OrderBy(p => p.Provider.Id, StringComparer.Ordinal).ToEquatableArray(),
            authors.OrderBy(a => a.Author.Id, StringComparer.Ordinal).ToEquatableArray());
    }

    private static void Unique(IEnumerable<string> ids, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new StarmapValidationException(field, id, "appears twice");
            }
        }
    }
}
