using YamlDotNet.RepresentationModel;
using Starmap.Catalog.Validation;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Renders a catalog as Starmap's layout, entirely in memory: providers.yaml and authors.yaml sorted by
/// ID (each entry headed by a <c># Name</c> comment, as Starmap writes them), one file per offering and
/// per definition, keys in Starmap's order, unknown values left out, what the records keep from the files
/// they were read from put back (<see cref="UnmodelledValues"/>), and the catalog documents as stored.
/// </summary>
internal static class StarmapExporter
{
    public static SortedDictionary<string, string> Render(
        IEnumerable<ProviderDetails> providers, IEnumerable<AuthorDetails> authors, IEnumerable<CatalogDocument>? documents = null)
    {
        var providerList = providers.OrderBy(p => p.Provider.Id, StringComparer.Ordinal).ToList();
        var authorList = authors.OrderBy(a => a.Author.Id, StringComparer.Ordinal).ToList();
        Validate(providerList, authorList);
        var authorNames = authorList.ToDictionary(a => a.Author.Id, a => a.Author.Name, StringComparer.Ordinal);

        var providerEntries = providerList.Select(p => UnmodelledValues.Apply(StarmapTrees.Provider(p.Provider), p.Provider.Unmodelled, $"providers[{p.Provider.Id}]")).ToList();
        var authorEntries = authorList.Select(a => UnmodelledValues.Apply(StarmapTrees.Author(a.Author), a.Author.Unmodelled, $"authors[{a.Author.Id}]")).ToList();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers.yaml"] = YamlText.Write(new YamlSequenceNode(providerEntries), [.. providerList.Select(p => p.Provider.Name)]),
            ["authors.yaml"] = YamlText.Write(new YamlSequenceNode(authorEntries), [.. authorList.Select(a => a.Author.Name)]),
        };
        foreach (var document in documents ?? [])
        {
            StarmapTrees.CheckDocument(document.Path, document.Text);
            if (!files.TryAdd(document.Path, document.Text))
            {
                throw new StarmapValidationException("documents", document.Path, "appears twice");
            }
        }
        for (var i = 0; i < providerList.Count; i++)
        {
            var details = providerList[i];
            var folder = Folder(details.Provider.Id, providerEntries[i]);
            foreach (var offering in details.Offerings)
            {
                files[$"providers/{folder}/models/{offering.ModelId}.yaml"] = YamlText.Write(UnmodelledValues.Apply(
                    StarmapTrees.Offering(offering, authorNames), offering.Unmodelled, $"providers[{details.Provider.Id}].offerings[{offering.ModelId}]"));
            }
        }
        for (var i = 0; i < authorList.Count; i++)
        {
            var details = authorList[i];
            var folder = Folder(details.Author.Id, authorEntries[i]);
            foreach (var definition in details.Definitions)
            {
                files[$"authors/{folder}/models/{definition.Slug}.yaml"] = YamlText.Write(UnmodelledValues.Apply(
                    StarmapTrees.Definition(definition, authorNames), definition.Unmodelled, $"authors[{details.Author.Id}].definitions[{definition.Id}]"));
            }
        }
        return files;
    }

    // The import looks an owner's folder up by the ID as its entry spells it (01.ai for the author 01-ai), so
    // the folder follows the entry; only a spelling the import maps back to this very ID is taken.
    private static string Folder(string id, YamlMappingNode entry)
    {
        var written = entry.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "id" }).Value as YamlScalarNode;
        return written?.Value is { } raw && raw != id && raw.Replace('.', '-') == id && !raw.Contains("..", StringComparison.Ordinal) ? raw : id;
    }

    // Everything is checked before anything is written, so a bad record never leaves a partial export.
    private static void Validate(List<ProviderDetails> providers, List<AuthorDetails> authors)
    {
        Unique(providers.Select(p => p.Provider.Id), "providers");
        Unique(authors.Select(a => a.Author.Id), "authors");
        foreach (var details in providers)
        {
            var id = details.Provider.Id;
            CatalogValidator.Validate(details.Provider);
            // Starmap writes the author mapping as a YAML map, which cannot hold a raw value twice.
            if (details.Provider.Catalog?.Endpoint?.AuthorMapping is { } mapping)
            {
                Unique(mapping.Normalized.Select(n => n.Raw), $"providers[{id}].catalog.endpoint.author_mapping.normalized");
            }
            foreach (var offering in details.Offerings)
            {
                CatalogValidator.Validate(offering, id, $"providers[{id}].offerings[{offering.ModelId}]");
            }
            Unique(details.Offerings.Select(o => o.ModelId), $"providers[{id}].offerings");
        }
        foreach (var details in authors)
        {
            var id = details.Author.Id;
            CatalogValidator.Validate(details.Author);
            foreach (var definition in details.Definitions)
            {
                CatalogValidator.Validate(definition, id, $"authors[{id}].definitions[{definition.Id}]");
            }
            Unique(details.Definitions.Select(d => d.Id), $"authors[{id}].definitions");
        }
    }

    private static void Unique(IEnumerable<string> ids, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !seen.Add(id)))
        {
            throw new StarmapValidationException(field, id, "appears twice");
        }
    }
}
