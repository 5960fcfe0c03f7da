using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// A model file under <c>authors/&lt;author&gt;/models/</c>: a definition. Its <c>id</c> is the slug
/// (the path below <c>models/</c>). Keys not declared here (extensions) are kept as written.
/// </summary>
internal sealed class DefinitionYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
    [YamlKey("authors")] public List<AuthorRefYaml>? Authors { get; set; }
    [YamlKey("description")] public string? Description { get; set; }
    [YamlKey("metadata")] public MetadataYaml? Metadata { get; set; }
    [YamlKey("lineage")] public LineageYaml? Lineage { get; set; }
    [YamlKey("features")] public FeaturesYaml? Features { get; set; }
    [YamlKey("attachments")] public AttachmentsYaml? Attachments { get; set; }
    [YamlKey("generation")] public GenerationYaml? Generation { get; set; }
    [YamlKey("reasoning")] public ControlLevelsYaml? Reasoning { get; set; }
    [YamlKey("reasoning_tokens")] public IntRangeYaml? ReasoningTokens { get; set; }
    [YamlKey("verbosity")] public ControlLevelsYaml? Verbosity { get; set; }
    [YamlKey("tools")] public ToolsYaml? Tools { get; set; }
    [YamlKey("response")] public ResponseYaml? Response { get; set; }
    [YamlKey("created_at", Plain = true)] public string? CreatedAt { get; set; }
    [YamlKey("updated_at", Plain = true)] public string? UpdatedAt { get; set; }
}
