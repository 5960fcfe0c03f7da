using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

// Starmap prices: token costs are {per_1m: USD per 1M tokens} (per_token is never filled in its data),
// operation prices are plain numbers per unit, tiers apply above a context size.

internal sealed class PricingYaml : YamlDto
{
    [YamlKey("tokens")] public TokenPricesYaml? Tokens { get; set; }
    [YamlKey("operations")] public OperationPricesYaml? Operations { get; set; }
    [YamlKey("tiers")] public List<PricingTierYaml>? Tiers { get; set; }
    [YamlKey("currency")] public string? Currency { get; set; }
    [YamlKey("effective_from", Plain = true)] public string? EffectiveFrom { get; set; }
    [YamlKey("effective_until", Plain = true)] public string? EffectiveUntil { get; set; }
}

internal sealed class TokenPricesYaml : YamlDto
{
    [YamlKey("input")] public TokenCostYaml? Input { get; set; }
    [YamlKey("output")] public TokenCostYaml? Output { get; set; }
    [YamlKey("reasoning")] public TokenCostYaml? Reasoning { get; set; }
    [YamlKey("cache_read")] public TokenCostYaml? CacheRead { get; set; }
    [YamlKey("cache_write")] public TokenCostYaml? CacheWrite { get; set; }

    /// <summary>Starmap's older nested form; read when the flat keys are absent, never written.</summary>
    [YamlKey("cache")] public CacheCostYaml? Cache { get; set; }
}

internal sealed class TokenCostYaml : YamlDto
{
    [YamlKey("per_1m")] public decimal? PerMillion { get; set; }
    [YamlKey("per_token")] public decimal? PerToken { get; set; }
}

internal sealed class CacheCostYaml : YamlDto
{
    [YamlKey("read")] public TokenCostYaml? Read { get; set; }
    [YamlKey("write")] public TokenCostYaml? Write { get; set; }
}

internal sealed class OperationPricesYaml : YamlDto
{
    [YamlKey("request")] public decimal? Request { get; set; }
    [YamlKey("image_input")] public decimal? ImageInput { get; set; }
    [YamlKey("audio_input")] public decimal? AudioInput { get; set; }
    [YamlKey("video_input")] public decimal? VideoInput { get; set; }
    [YamlKey("image_gen")] public decimal? ImageGen { get; set; }
    [YamlKey("audio_gen")] public decimal? AudioGen { get; set; }
    [YamlKey("video_gen")] public decimal? VideoGen { get; set; }
    [YamlKey("web_search")] public decimal? WebSearch { get; set; }
    [YamlKey("function_call")] public decimal? FunctionCall { get; set; }
    [YamlKey("tool_use")] public decimal? ToolUse { get; set; }
}

internal sealed class PricingTierYaml : YamlDto
{
    [YamlKey("name")] public string? Name { get; set; }

    /// <summary>Always <c>context</c> in Starmap.</summary>
    [YamlKey("type")] public string? Type { get; set; }

    /// <summary>Context size in tokens above which the tier applies.</summary>
    [YamlKey("size")] public long? Size { get; set; }
    [YamlKey("tokens")] public TokenPricesYaml? Tokens { get; set; }
    [YamlKey("operations")] public OperationPricesYaml? Operations { get; set; }
}
