namespace Starmap.Formats.StarmapYaml;

/// <summary><see cref="ModelGeneration"/> ⇄ the <c>generation</c> block, field for field.</summary>
internal static class GenerationMapping
{
    public static ModelGeneration? ToRecord(GenerationYaml? y) => y is null ? null : new ModelGeneration
    {
        Temperature = ModelBlocksMapping.Range(y.Temperature),
        TopP = ModelBlocksMapping.Range(y.TopP),
        TopA = ModelBlocksMapping.Range(y.TopA),
        MinP = ModelBlocksMapping.Range(y.MinP),
        TypicalP = ModelBlocksMapping.Range(y.TypicalP),
        Tfs = ModelBlocksMapping.Range(y.Tfs),
        FrequencyPenalty = ModelBlocksMapping.Range(y.FrequencyPenalty),
        PresencePenalty = ModelBlocksMapping.Range(y.PresencePenalty),
        RepetitionPenalty = ModelBlocksMapping.Range(y.RepetitionPenalty),
        LengthPenalty = ModelBlocksMapping.Range(y.LengthPenalty),
        MirostatTau = ModelBlocksMapping.Range(y.MirostatTau),
        MirostatEta = ModelBlocksMapping.Range(y.MirostatEta),
        ContrastiveSearchPenaltyAlpha = ModelBlocksMapping.Range(y.ContrastiveSearchPenaltyAlpha),
        DiversityPenalty = ModelBlocksMapping.Range(y.DiversityPenalty),
        TopK = ModelBlocksMapping.Range(y.TopK),
        NoRepeatNgramSize = ModelBlocksMapping.Range(y.NoRepeatNgramSize),
        N = ModelBlocksMapping.Range(y.N),
        BestOf = ModelBlocksMapping.Range(y.BestOf),
        NumBeams = ModelBlocksMapping.Range(y.NumBeams),
        MaxTokens = y.MaxTokens,
        MaxOutputTokens = y.MaxOutputTokens,
        TopLogprobs = y.TopLogprobs,
    };

    public static GenerationYaml? ToYaml(ModelGeneration? g) => g is null ? null : new GenerationYaml
    {
        Temperature = ModelBlocksMapping.RangeYaml(g.Temperature),
        TopP = ModelBlocksMapping.RangeYaml(g.TopP),
        TopA = ModelBlocksMapping.RangeYaml(g.TopA),
        MinP = ModelBlocksMapping.RangeYaml(g.MinP),
        TypicalP = ModelBlocksMapping.RangeYaml(g.TypicalP),
        Tfs = ModelBlocksMapping.RangeYaml(g.Tfs),
        FrequencyPenalty = ModelBlocksMapping.RangeYaml(g.FrequencyPenalty),
        PresencePenalty = ModelBlocksMapping.RangeYaml(g.PresencePenalty),
        RepetitionPenalty = ModelBlocksMapping.RangeYaml(g.RepetitionPenalty),
        LengthPenalty = ModelBlocksMapping.RangeYaml(g.LengthPenalty),
        MirostatTau = ModelBlocksMapping.RangeYaml(g.MirostatTau),
        MirostatEta = ModelBlocksMapping.RangeYaml(g.MirostatEta),
        ContrastiveSearchPenaltyAlpha = ModelBlocksMapping.RangeYaml(g.ContrastiveSearchPenaltyAlpha),
        DiversityPenalty = ModelBlocksMapping.RangeYaml(g.DiversityPenalty),
        TopK = ModelBlocksMapping.RangeYaml(g.TopK),
        NoRepeatNgramSize = ModelBlocksMapping.RangeYaml(g.NoRepeatNgramSize),
        N = ModelBlocksMapping.RangeYaml(g.N),
        BestOf = ModelBlocksMapping.RangeYaml(g.BestOf),
        NumBeams = ModelBlocksMapping.RangeYaml(g.NumBeams),
        MaxTokens = g.MaxTokens,
        MaxOutputTokens = g.MaxOutputTokens,
        TopLogprobs = g.TopLogprobs,
    };
}
