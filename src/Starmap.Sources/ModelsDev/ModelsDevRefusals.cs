using System.Collections.Frozen;
using Starmap.Catalog.Validation;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Values of one models.dev model entry the parser could not read (a date that is not one, text where a
/// number belongs): each becomes a quarantine note on the record, at the catalog field it would have
/// filled, so the record is kept with that field unknown and the refusal stays visible.
/// </summary>
internal sealed class ModelsDevRefusals
{
    // models.dev member → the catalog field it maps to; a member not listed keeps its models.dev path.
    private static readonly FrozenDictionary<string, string> CatalogPaths = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "name",
        ["description"] = "description",
        ["family"] = "lineage.family",
        ["attachment"] = "features.flags.attachments",
        ["reasoning"] = "features.flags.reasoning",
        ["tool_call"] = "features.flags.tool_calls",
        ["temperature"] = "features.flags.temperature",
        ["structured_output"] = "features.flags.structured_outputs",
        ["open_weights"] = "metadata.open_weights",
        ["knowledge"] = "metadata.knowledge_cutoff",
        ["release_date"] = "metadata.release_date",
        ["last_updated"] = "updated_at",
        ["status"] = "lifecycle.status",
        ["modalities.input"] = "features.input_modalities",
        ["modalities.output"] = "features.output_modalities",
        ["cost.input"] = "pricing.tokens.input",
        ["cost.output"] = "pricing.tokens.output",
        ["cost.cache_read"] = "pricing.tokens.cache_read",
        ["cost.cache_write"] = "pricing.tokens.cache_write",
        ["cost.reasoning"] = "pricing.tokens.reasoning",
        ["limit.context"] = "limits.context_window",
        ["limit.input"] = "limits.input_tokens",
        ["limit.output"] = "limits.output_tokens",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly List<QuarantineNote> _notes = [];

    /// <summary>Notes a refused value at <paramref name="sourcePath"/> (the models.dev member path).</summary>
    public void Add(string sourcePath, string? value, string reason) =>
        _notes.Add(RecordSanitizer.Note(CatalogPaths.GetValueOrDefault(sourcePath, sourcePath), value, reason, SourceIds.ModelsDev, null));

    /// <summary>The notes, one per path, sorted; the time is set when the snapshot is observed.</summary>
    public EquatableArray<QuarantineNote> ToArray() => RecordSanitizer.Merge([], _notes);
}
