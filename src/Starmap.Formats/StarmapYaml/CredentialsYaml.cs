using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

// Starmap's credentials block: fields (secrets and parameters read from environment variables),
// profiles that place a field in a header or query parameter, and per-plane alternatives.

internal sealed class CredentialsYaml : YamlDto
{
    [YamlKey("fields")] public List<CredentialFieldYaml>? Fields { get; set; }
    [YamlKey("profiles")] public List<CredentialProfileYaml>? Profiles { get; set; }
    [YamlKey("catalog_acquisition")] public CredentialPlaneYaml? CatalogAcquisition { get; set; }
    [YamlKey("inference")] public CredentialPlaneYaml? Inference { get; set; }

    /// <summary>Not in Starmap's files: fixed headers other than <c>anthropic-version</c>, written only when set.</summary>
    [YamlKey("static_headers")] public List<HeaderYaml>? StaticHeaders { get; set; }
}

internal sealed class CredentialFieldYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }

    /// <summary><c>secret</c> or <c>parameter</c>.</summary>
    [YamlKey("kind")] public string? Kind { get; set; }
    [YamlKey("required")] public bool? Required { get; set; }

    /// <summary>Variables that may hold it; the first one set wins.</summary>
    [YamlKey("environment")] public List<string>? Environment { get; set; }
    [YamlKey("default")] public string? Default { get; set; }
    [YamlKey("pattern")] public string? Pattern { get; set; }
    [YamlKey("description")] public string? Description { get; set; }
}

internal sealed class CredentialProfileYaml : YamlDto
{
    [YamlKey("id")] public string? Id { get; set; }
    [YamlKey("primitive")] public string? Primitive { get; set; }
    [YamlKey("fields")] public List<string>? Fields { get; set; }
    [YamlKey("placements")] public List<CredentialPlacementYaml>? Placements { get; set; }

    /// <summary>URL template variables bound to fields; their defaults resolve <c>{base_url}</c>-style URLs.</summary>
    [YamlKey("endpoint_bindings")] public List<EndpointBindingYaml>? EndpointBindings { get; set; }
}

internal sealed class CredentialPlacementYaml : YamlDto
{
    [YamlKey("field")] public string? Field { get; set; }

    /// <summary><c>header</c> or <c>query</c>.</summary>
    [YamlKey("kind")] public string? Kind { get; set; }
    [YamlKey("name")] public string? Name { get; set; }

    /// <summary><c>direct</c>, <c>bearer</c> or <c>basic</c>.</summary>
    [YamlKey("scheme")] public string? Scheme { get; set; }
}

internal sealed class EndpointBindingYaml : YamlDto
{
    [YamlKey("field")] public string? Field { get; set; }
    [YamlKey("variable")] public string? Variable { get; set; }
    [YamlKey("format")] public string? Format { get; set; }
}

internal sealed class CredentialPlaneYaml : YamlDto
{
    [YamlKey("required")] public bool? Required { get; set; }
    [YamlKey("alternatives")] public List<string>? Alternatives { get; set; }
}

internal sealed class HeaderYaml : YamlDto
{
    [YamlKey("name")] public string? Name { get; set; }
    [YamlKey("value")] public string? Value { get; set; }
}
