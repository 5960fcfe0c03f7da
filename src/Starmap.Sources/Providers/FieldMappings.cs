using Starmap.Catalog.Validation;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Applies a provider's <see cref="FieldMapping"/>s and <see cref="FeatureRule"/>s to one model.
/// A provider without field mappings gets the unambiguous defaults below, so a vLLM host's
/// <c>max_model_len</c> or Groq's <c>context_window</c> is read without configuration.
/// </summary>
internal static class FieldMappings
{
    private static readonly EquatableArray<FieldMapping> Defaults =
    [
        new() { From = "context_window", To = "limits.context_window" },
        new() { From = "max_model_len", To = "limits.context_window" },
        new() { From = "context_length", To = "limits.context_window" },
        new() { From = "input_token_limit", To = "limits.input_tokens" },
        new() { From = "max_completion_tokens", To = "limits.output_tokens" },
        new() { From = "output_token_limit", To = "limits.output_tokens" },
    ];

    public static void Apply(CatalogEndpoint endpoint, JsonRecord item, ObservedModelBuilder model, WarningList warnings)
    {
        var mappings = endpoint.FieldMappings.IsEmpty ? Defaults : endpoint.FieldMappings;
        foreach (var mapping in mappings)
        {
            if (item.Path(mapping.From) is null)
            {
                continue;
            }
            switch (mapping.To)
            {
                // Starmap's older configs name the target by its source field; both spellings are accepted.
                case "limits.context_window" or "context_window":
                    model.ContextWindow = item.Positive(mapping.From) ?? model.ContextWindow;
                    break;
                case "limits.output_tokens" or "max_completion_tokens" or "max_output_tokens":
                    model.OutputTokens = item.Positive(mapping.From) ?? model.OutputTokens;
                    break;
                case "limits.input_tokens" or "input_tokens":
                    model.InputTokens = item.Positive(mapping.From) ?? model.InputTokens;
                    break;
                case "name":
                    model.Name = item.Text(mapping.From) ?? model.Name;
                    break;
                case "description":
                    model.Description = item.Text(mapping.From) ?? model.Description;
                    break;
                default:
                    warnings.Add($"field mapping {mapping.From} -> {mapping.To}: unknown target, ignored");
                    break;
            }
        }
    }

    public static void ApplyRules(CatalogEndpoint endpoint, JsonRecord item, ObservedModelBuilder model)
    {
        foreach (var rule in endpoint.FeatureRules)
        {
            if (item.Text(rule.Field) is { } value &&
                rule.Contains.Any(part => value.Contains(part, StringComparison.OrdinalIgnoreCase)))
            {
                model.Set(rule.Feature, rule.Value);
            }
        }
    }
}
