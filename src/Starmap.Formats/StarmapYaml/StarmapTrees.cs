using System.Text.Json;
using YamlDotNet.RepresentationModel;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// The YAML tree each record is written as, shared by the exporter and the importer: the importer
/// compares a file with the tree its record writes and keeps the difference on the record
/// (<see cref="UnmodelledValues"/>); the exporter writes the tree with that difference put back.
/// </summary>
internal static class StarmapTrees
{
    public static YamlMappingNode Offering(Offering o, IReadOnlyDictionary<string, string> authorNames) =>
        YamlDtoWriter.Write(OfferingMapping.ToYaml(o, authorNames));

    public static YamlMappingNode Definition(ModelDefinition d, IReadOnlyDictionary<string, string> authorNames) =>
        YamlDtoWriter.Write(DefinitionMapping.ToYaml(d, authorNames));

    public static YamlMappingNode Provider(Provider p) => YamlDtoWriter.Write(ProviderMapping.ToYaml(p));

    public static YamlMappingNode Author(Author a) => YamlDtoWriter.Write(AuthorEntryMapping.ToYaml(a));

    public static Offering Keep(Offering o, YamlNode file, IReadOnlyDictionary<string, string> authorNames) =>
        o with { Unmodelled = UnmodelledValues.Capture(file, Offering(o, authorNames)) };

    public static ModelDefinition Keep(ModelDefinition d, YamlNode file, IReadOnlyDictionary<string, string> authorNames) =>
        d with { Unmodelled = UnmodelledValues.Capture(file, Definition(d, authorNames)) };

    public static Provider Keep(Provider p, YamlNode entry) => p with { Unmodelled = UnmodelledValues.Capture(entry, Provider(p)) };

    public static Author Keep(Author a, YamlNode entry) => a with { Unmodelled = UnmodelledValues.Capture(entry, Author(a)) };

    /// <summary>A document must be one of Starmap's catalog-level files and parse as its kind (YAML, JSON, text).</summary>
    public static void CheckDocument(string path, string text)
    {
        if (!StarmapFiles.DocumentPaths.Contains(path, StringComparer.Ordinal))
        {
            throw new CatalogFileException(path, null, null, $"is not a catalog document; those are {string.Join(", ", StarmapFiles.DocumentPaths)}");
        }
        if (path.EndsWith(".yaml", StringComparison.Ordinal))
        {
            YamlText.Load(text, path);
        }
        else if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new CatalogFileException(path, ex.LineNumber + 1, null, "invalid JSON: " + ex.Message, ex);
            }
        }
    }
}
