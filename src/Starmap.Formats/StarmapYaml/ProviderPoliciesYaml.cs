using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

internal sealed class PrivacyPolicyYaml : YamlDto
{
    [YamlKey("privacy_policy_url")] public string? PrivacyPolicyUrl { get; set; }
    [YamlKey("terms_of_service_url")] public string? TermsOfServiceUrl { get; set; }
    [YamlKey("retains_data")] public bool? RetainsData { get; set; }
    [YamlKey("trains_on_data")] public bool? TrainsOnData { get; set; }
}

internal sealed class RetentionPolicyYaml : YamlDto
{
    [YamlKey("type")] public string? Type { get; set; }

    /// <summary>A Go duration such as <c>720h0m0s</c>; absent means no fixed duration.</summary>
    [YamlKey("duration", Plain = true)] public string? Duration { get; set; }
    [YamlKey("details")] public string? Details { get; set; }
}

internal sealed class GovernancePolicyYaml : YamlDto
{
    [YamlKey("moderation_required")] public bool? ModerationRequired { get; set; }
    [YamlKey("moderated")] public bool? Moderated { get; set; }
    [YamlKey("moderator")] public string? Moderator { get; set; }
}
