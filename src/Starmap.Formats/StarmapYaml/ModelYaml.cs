using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

// Blocks shared by definition and offering files.

internal sealed class AuthorRefYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
}

internal sealed class MetadataYaml : YamlDto
{
    [YamlKey("release_date", Plain = true)] public string? ReleaseDate { get; set; }
    [YamlKey("open_weights")] public bool? OpenWeights { get; set; }
    [YamlKey("knowledge_cutoff", Plain = true)] public string? KnowledgeCutoff { get; set; }
    [YamlKey("tags")] public List<string>? Tags { get; set; }
    [YamlKey("architecture")] public ArchitectureYaml? Architecture { get; set; }
}

internal sealed class ArchitectureYaml : YamlDto
{
    [YamlKey("parameter_count")] public string? ParameterCount { get; set; }
    [YamlKey("type")] public string? Type { get; set; }
    [YamlKey("tokenizer")] public string? Tokenizer { get; set; }
    [YamlKey("quantization")] public string? Quantization { get; set; }
    [YamlKey("quantized")] public bool? Quantized { get; set; }
    [YamlKey("fine_tuned")] public bool? FineTuned { get; set; }
    [YamlKey("base_model")] public string? BaseModel { get; set; }
}

internal sealed class LineageYaml : YamlDto
{
    [YamlKey("family")] public string? Family { get; set; }
    [YamlKey("root")] public string? Root { get; set; }
    [YamlKey("parent")] public string? Parent { get; set; }
}

/// <summary>Modalities plus one true / false / null key per feature, as Starmap writes them.</summary>
internal sealed class FeaturesYaml : YamlDto
{
    [YamlKey("modalities")] public ModalitiesYaml? Modalities { get; set; }
    [YamlRest] public List<YamlFlag> Flags { get; set; } = [];
}

internal sealed class ModalitiesYaml : YamlDto
{
    [YamlKey("input")] public List<string>? Input { get; set; }
    [YamlKey("output")] public List<string>? Output { get; set; }
}

internal sealed class AttachmentsYaml : YamlDto
{
    [YamlKey("mime_types")] public List<string>? MimeTypes { get; set; }
    [YamlKey("max_file_size")] public long? MaxFileSize { get; set; }
    [YamlKey("max_files")] public int? MaxFiles { get; set; }
}

internal sealed class ControlLevelsYaml : YamlDto
{
    [YamlKey("levels")] public List<string>? Levels { get; set; }
    [YamlKey("default")] public string? Default { get; set; }
}

internal sealed class FloatRangeYaml : YamlDto
{
    [YamlKey("min")] public double? Min { get; set; }
    [YamlKey("max")] public double? Max { get; set; }
    [YamlKey("default")] public double? Default { get; set; }
}

internal sealed class IntRangeYaml : YamlDto
{
    [YamlKey("min")] public long? Min { get; set; }
    [YamlKey("max")] public long? Max { get; set; }
    [YamlKey("default")] public long? Default { get; set; }
}

internal sealed class ToolsYaml : YamlDto
{
    [YamlKey("tool_choices")] public List<string>? ToolChoices { get; set; }
    [YamlKey("web_search")] public WebSearchYaml? WebSearch { get; set; }
}

internal sealed class WebSearchYaml : YamlDto
{
    [YamlKey("max_results")] public int? MaxResults { get; set; }
    [YamlKey("search_prompt")] public string? SearchPrompt { get; set; }
    [YamlKey("search_context_sizes")] public List<string>? SearchContextSizes { get; set; }
    [YamlKey("default_context_size")] public string? DefaultContextSize { get; set; }
}

/// <summary>Starmap's <c>response</c> block; the records call it delivery.</summary>
internal sealed class ResponseYaml : YamlDto
{
    [YamlKey("protocols")] public List<string>? Protocols { get; set; }
    [YamlKey("streaming")] public List<string>? Streaming { get; set; }
    [YamlKey("formats")] public List<string>? Formats { get; set; }
}
