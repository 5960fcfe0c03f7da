namespace Starmap.Sources.ModelsDev;

/// <summary>
/// The intrinsic facts of a models.dev entry (description, dates, open weights, family, reasoning
/// controls) in the contracts' shape, each null when the entry does not state it. The same values go
/// on the offering and on a guessed definition.
/// </summary>
internal sealed record ModelsDevFacts(
    string? Description, ModelMetadata? Metadata, ModelLineage? Lineage, ControlLevels? Reasoning, IntRange? ReasoningTokens)
{
    public static ModelsDevFacts Of(ModelsDevModel model)
    {
        var metadata = model.ReleaseDate is null && model.Knowledge is null && model.OpenWeights is null
            ? null
            : new ModelMetadata { ReleaseDate = model.ReleaseDate, KnowledgeCutoff = model.Knowledge, OpenWeights = model.OpenWeights };
        var effort = model.ReasoningOptions.FirstOrDefault(o => o.Type == "effort");
        var budget = model.ReasoningOptions.FirstOrDefault(o => o.Type == "budget_tokens");
        var levels = effort?.Values.Select(ControlLevelOf).OfType<ControlLevel>().Distinct().Order().ToEquatableArray() ?? default;
        return new ModelsDevFacts(
            string.IsNullOrWhiteSpace(model.Description) ? null : model.Description,
            metadata,
            model.Family is { Length: > 0 } family ? new ModelLineage { Family = family } : null,
            levels.IsEmpty ? null : new ControlLevels { Levels = levels },
            budget is { Min: not null } or { Max: not null } ? new IntRange { Min = budget.Min, Max = budget.Max } : null);
    }

    // "none" switches reasoning off and "xhigh" has no level of its own; both are left out rather than guessed.
    private static ControlLevel? ControlLevelOf(string value) => value switch
    {
        "minimal" => ControlLevel.Minimum,
        "low" => ControlLevel.Low,
        "medium" => ControlLevel.Medium,
        "high" => ControlLevel.High,
        "max" => ControlLevel.Maximum,
        _ => null,
    };
}
