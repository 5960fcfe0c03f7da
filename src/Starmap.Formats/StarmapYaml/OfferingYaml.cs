using YamlDotNet.RepresentationModel;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// A model file under <c>providers/&lt;provider&gt;/models/</c>: an offering. Starmap repeats the
/// definition's facts here (description, metadata, generation...) as the provider's source states them;
/// the offering keeps them. Keys not declared here are kept as written (<see cref="UnmodelledValues"/>).
/// </summary>
internal sealed class OfferingYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }

    /// <summary>The <c>author/slug</c> definition served.</summary>
    [YamlKey("model")] public string? Model { get; set; }
    [YamlKey("name")] public string? Name { get; set; }
    [YamlKey("authors")] public List<AuthorRefYaml>? Authors { get; set; }
    [YamlKey("description")] public string? Description { get; set; }
    [YamlKey("metadata")] public MetadataYaml? Metadata { get; set; }
    [YamlKey("lineage")] public LineageYaml? Lineage { get; set; }
    [YamlKey("features")] public FeaturesYaml? Features { get; set; }
    [YamlKey("generation")] public GenerationYaml? Generation { get; set; }
    [YamlKey("reasoning")] public ControlLevelsYaml? Reasoning { get; set; }
    [YamlKey("reasoning_tokens")] public IntRangeYaml? ReasoningTokens { get; set; }

    /// <summary>Mode name → its prices and request additions; read by <see cref="ModesMapping"/>.</summary>
    [YamlKey("modes")] public YamlNode? Modes { get; set; }
    [YamlKey("pricing")] public PricingYaml? Pricing { get; set; }
    [YamlKey("limits")] public LimitsYaml? Limits { get; set; }
    [YamlKey("status")] public string? Status { get; set; }
    [YamlKey("deprecated_at", Plain = true)] public string? DeprecatedAt { get; set; }
    [YamlKey("retires_at", Plain = true)] public string? RetiresAt { get; set; }
    [YamlKey("availability")] public string? Availability { get; set; }
    [YamlKey("regions")] public List<string>? Regions { get; set; }
    [YamlKey("created_at", Plain = true)] public string? CreatedAt { get; set; }
    [YamlKey("updated_at", Plain = true)] public string? UpdatedAt { get; set; }

    /// <summary>Not in Starmap's model files (it keeps provenance.yaml apart); written only when set.</summary>
    [YamlKey("provenance")] public List<ProvenanceYaml>? Provenance { get; set; }
}

internal sealed class LimitsYaml : YamlDto
{
    [YamlKey("context_window")] public long? ContextWindow { get; set; }
    [YamlKey("input_tokens")] public long? InputTokens { get; set; }
    [YamlKey("output_tokens")] public long? OutputTokens { get; set; }
}

internal sealed class ProvenanceYaml : YamlDto
{
    [YamlKey("path")] public string? Path { get; set; }
    [YamlKey("source")] public string? Source { get; set; }
    [YamlKey("observed_at", Plain = true)] public string? ObservedAt { get; set; }
}
