using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Starmap.Formats.Yaml;

/// <summary>
/// Finds the line a validation error points at: walks a record field path such as
/// <c>offering.pricing.tokens.input</c> down the file's YAML tree as far as it matches and returns the
/// line of the deepest node found, so an error names the offending key or its nearest parent.
/// </summary>
internal static class YamlLineLocator
{
    // Record names that differ from Starmap's keys (tried when the record name is absent); "" skips a level.
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["auth"] = "credentials",
        ["docs_url"] = "docs",
        ["model_id"] = "id",
        ["definition_id"] = "model",
        ["author_ids"] = "authors",
        ["context_threshold"] = "size",
        ["lifecycle"] = "",
        ["flags"] = "",
        ["links"] = "",
        ["input_modalities"] = "modalities.input",
        ["output_modalities"] = "modalities.output",
        ["attribution"] = "catalog.attribution",
        ["delivery"] = "response",
    };

    public static long Find(YamlNode root, string field)
    {
        var node = root;
        // The first segment names the record (provider, offering...), which is the root itself.
        foreach (var segment in field.Split('.').Skip(1))
        {
            var (name, index) = Split(segment);
            var next = Child(node, name);
            if (next is null && Renames.TryGetValue(name, out var renamed))
            {
                next = renamed.Length == 0 ? node : renamed.Split('.').Aggregate<string, YamlNode?>(node, (n, key) => n is null ? null : Child(n, key));
            }
            if (next is null)
            {
                break;
            }
            node = next;
            if (index is { } i && node is YamlSequenceNode sequence && i < sequence.Children.Count)
            {
                node = sequence.Children[i];
            }
        }
        return node.Start.Line;
    }

    private static YamlNode? Child(YamlNode node, string key) => node is YamlMappingNode mapping
        ? mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value
        : null;

    private static (string Name, int? Index) Split(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return (segment, null);
        }
        var inside = segment[(open + 1)..].TrimEnd(']');
        return (segment[..open], int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null);
    }
}
