using Starmap.Catalog.Snapshot;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>One entry of Starmap's authors.yaml: links are flat keys, attribution sits under <c>catalog</c>.</summary>
internal sealed class AuthorYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("aliases")] public List<string>? Aliases { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
    [YamlKey("description")] public string? Description { get; set; }
    [YamlKey("headquarters")] public string? Headquarters { get; set; }
    [YamlKey("icon_url")] public string? IconUrl { get; set; }
    [YamlKey("website")] public string? Website { get; set; }
    [YamlKey("huggingface")] public string? HuggingFace { get; set; }
    [YamlKey("github")] public string? GitHub { get; set; }
    [YamlKey("twitter")] public string? Twitter { get; set; }
    [YamlKey("catalog")] public AuthorCatalogYaml? Catalog { get; set; }
}

internal sealed class AuthorCatalogYaml : YamlDto
{
    /// <summary>Starmap has one rule; more than one is written as a list.</summary>
    [YamlKey("attribution", OneOrMany = true)] public List<AttributionYaml>? Attribution { get; set; }
}

internal sealed class AttributionYaml : YamlDto
{
    [YamlKey("provider_id")] public string? ProviderId { get; set; }
    [YamlKey("patterns")] public List<string>? Patterns { get; set; }
}
