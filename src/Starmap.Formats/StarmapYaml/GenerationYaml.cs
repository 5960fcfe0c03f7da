using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>Ranges of generation parameters, keyed by the request parameter's name.</summary>
internal sealed class GenerationYaml : YamlDto
{
    [YamlKey("temperature")] public FloatRangeYaml? Temperature { get; set; }
    [YamlKey("top_p")] public FloatRangeYaml? TopP { get; set; }
    [YamlKey("top_a")] public FloatRangeYaml? TopA { get; set; }
    [YamlKey("min_p")] public FloatRangeYaml? MinP { get; set; }
    [YamlKey("typical_p")] public FloatRangeYaml? TypicalP { get; set; }
    [YamlKey("tfs")] public FloatRangeYaml? Tfs { get; set; }
    [YamlKey("frequency_penalty")] public FloatRangeYaml? FrequencyPenalty { get; set; }
    [YamlKey("presence_penalty")] public FloatRangeYaml? PresencePenalty { get; set; }
    [YamlKey("repetition_penalty")] public FloatRangeYaml? RepetitionPenalty { get; set; }
    [YamlKey("length_penalty")] public FloatRangeYaml? LengthPenalty { get; set; }
    [YamlKey("mirostat_tau")] public FloatRangeYaml? MirostatTau { get; set; }
    [YamlKey("mirostat_eta")] public FloatRangeYaml? MirostatEta { get; set; }
    [YamlKey("contrastive_search_penalty_alpha")] public FloatRangeYaml? ContrastiveSearchPenaltyAlpha { get; set; }
    [YamlKey("diversity_penalty")] public FloatRangeYaml? DiversityPenalty { get; set; }
    [YamlKey("top_k")] public IntRangeYaml? TopK { get; set; }
    [YamlKey("no_repeat_ngram_size")] public IntRangeYaml? NoRepeatNgramSize { get; set; }
    [YamlKey("n")] public IntRangeYaml? N { get; set; }
    [YamlKey("best_of")] public IntRangeYaml? BestOf { get; set; }
    [YamlKey("num_beams")] public IntRangeYaml? NumBeams { get; set; }
    [YamlKey("max_tokens")] public long? MaxTokens { get; set; }
    [YamlKey("max_output_tokens")] public long? MaxOutputTokens { get; set; }
    [YamlKey("top_logprobs")] public int? TopLogprobs { get; set; }
}
