using YamlDotNet.RepresentationModel;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>One entry of an offering's <c>modes</c> map: the mode's prices and how a request selects it.</summary>
internal sealed class ModeYaml : YamlDto
{
    [YamlKey("pricing")] public PricingYaml? Pricing { get; set; }
    [YamlKey("provider")] public ModeRequestYaml? Provider { get; set; }
}

/// <summary>What a request adds to select a mode: headers, and members of the JSON body (any shape).</summary>
internal sealed class ModeRequestYaml : YamlDto
{
    [YamlKey("headers")] public List<KeyValuePair<string, string>>? Headers { get; set; }
    [YamlKey("body")] public YamlNode? Body { get; set; }
}
