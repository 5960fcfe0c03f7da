using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Writes the catalog as a models.dev <c>api.json</c>: an object of providers keyed by provider ID, each
/// <c>{id, name, env, npm, api, doc, models: {model ID: {...}}}</c>, so tools that read models.dev can read
/// the service instead. The inverse of <see cref="ModelsDevParser"/> plus <see cref="ModelsDevMapper"/>
/// for every field the catalog models (docs/models-dev-compat.md lists the rest).
/// </summary>
/// <remarks>
/// <para>Unknown stays absent: a member is written only when the catalog knows it, never as 0, false or
/// "" (models.dev itself leaves members out, so readers already cope).</para>
/// <para>Each model is one offering: its own facts first, then its linked definition's for what the
/// offering does not state. models.dev describes a model as one provider serves it, and the offering is
/// what that provider's source said; a definition is shared by every provider of the model.</para>
/// <para>Prices are USD per 1M tokens, the catalog's own unit, written as the exact decimals held;
/// prices in another currency are left out. Dates are <c>YYYY-MM-DD</c>.</para>
/// </remarks>
public static class ModelsDevExport
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>
    /// The api.json of <paramref name="providers"/> (every one, with its models or an empty <c>models</c>)
    /// and <paramref name="models"/> (grouped under their provider; a model whose provider is not in
    /// <paramref name="providers"/> is listed under a provider entry holding only its ID). Sorted by ID.
    /// </summary>
    public static string ToJson(IEnumerable<Provider> providers, IEnumerable<CatalogModel> models, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(models);
        using var buffer = new MemoryStream();
        Write(buffer, providers, models, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the api.json to <paramref name="utf8"/> as UTF-8 (see <see cref="ToJson"/>).</summary>
    public static void Write(Stream utf8, IEnumerable<Provider> providers, IEnumerable<CatalogModel> models, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(models);
        var byId = new SortedDictionary<string, Provider?>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            byId[provider.Id] = provider;
        }
        var grouped = models.GroupBy(m => m.ProviderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var id in grouped.Keys)
        {
            byId.TryAdd(id, null);
        }

        using var json = new Utf8JsonWriter(utf8, indented ? Indented : Compact);
        json.WriteStartObject();
        foreach (var (id, provider) in byId)
        {
            json.WritePropertyName(id);
            WriteProvider(json, id, provider, grouped.GetValueOrDefault(id) ?? []);
        }
        json.WriteEndObject();
    }

    private static void WriteProvider(Utf8JsonWriter json, string id, Provider? provider, List<CatalogModel> models)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        String(json, "name", provider?.Name);
        if (provider?.Auth?.ApiKeyEnvVars is { IsEmpty: false } env)
        {
            json.WriteStartArray("env");
            foreach (var name in env)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
        }
        String(json, "npm", provider?.Inference?.SdkPackage);
        String(json, "api", provider?.Inference?.BaseUrl);
        String(json, "doc", provider?.DocsUrl ?? provider?.Catalog?.DocsUrl);
        json.WriteStartObject("models");
        foreach (var model in models.OrderBy(m => m.ModelId, StringComparer.Ordinal))
        {
            json.WritePropertyName(model.ModelId);
            WriteModel(json, model);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, CatalogModel model)
    {
        var offering = model.Offering;
        var definition = model.Definition;
        var metadata = offering.Metadata;
        var shared = definition?.Metadata;
        json.WriteStartObject();
        json.WriteString("id", offering.ModelId);
        String(json, "name", offering.Name ?? definition?.Name);
        String(json, "description", offering.Description ?? definition?.Description);
        String(json, "family", offering.Lineage?.Family ?? definition?.Lineage?.Family);
        Bool(json, "attachment", model.Supports(Feature.Attachments));
        Bool(json, "reasoning", model.Supports(Feature.Reasoning));
        WriteReasoningOptions(json, offering.Reasoning ?? definition?.Reasoning, offering.ReasoningTokens ?? definition?.ReasoningTokens,
            model.Supports(Feature.ReasoningTokens) == true);
        Bool(json, "tool_call", model.Supports(Feature.ToolCalls) ?? model.Supports(Feature.Tools));
        Bool(json, "structured_output", model.Supports(Feature.StructuredOutputs));
        Bool(json, "temperature", model.Supports(Feature.Temperature));
        Date(json, "knowledge", metadata?.KnowledgeCutoff ?? shared?.KnowledgeCutoff);
        Date(json, "release_date", metadata?.ReleaseDate ?? shared?.ReleaseDate);
        Date(json, "last_updated", offering.UpdatedAt is { } updated ? DateOnly.FromDateTime(updated.UtcDateTime) : null);
        WriteModalities(json, model.InputModalities, model.OutputModalities);
        Bool(json, "open_weights", metadata?.OpenWeights ?? shared?.OpenWeights);
        WriteLimit(json, offering.Limits);
        WriteCost(json, offering.Pricing);
        String(json, "status", Status(offering.Lifecycle?.Status));
        json.WriteEndObject();
    }

    // models.dev has alpha, beta and deprecated; no status means generally available. The mapper reads
    // alpha as preview; retired (not served any more) is closest to deprecated, which tells readers to move off.
    private static string? Status(LifecycleStatus? status) => status switch
    {
        LifecycleStatus.Beta => "beta",
        LifecycleStatus.Preview => "alpha",
        LifecycleStatus.Deprecated or LifecycleStatus.Retired => "deprecated",
        _ => null,
    };

    private static void WriteReasoningOptions(Utf8JsonWriter json, ControlLevels? effort, IntRange? budget, bool budgetSupported)
    {
        var levels = effort?.Levels ?? default;
        // A budget option without a range still says the model takes a token budget (the reasoning_tokens feature).
        var hasBudget = budget is { Min: not null } or { Max: not null } || budgetSupported;
        if (levels.IsEmpty && !hasBudget)
        {
            return;
        }
        json.WriteStartArray("reasoning_options");
        if (!levels.IsEmpty)
        {
            json.WriteStartObject();
            json.WriteString("type", "effort");
            json.WriteStartArray("values");
            foreach (var level in levels.Order())
            {
                json.WriteStringValue(Effort(level));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (hasBudget)
        {
            json.WriteStartObject();
            json.WriteString("type", "budget_tokens");
            Long(json, "min", budget?.Min);
            Long(json, "max", budget?.Max);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Effort(ControlLevel level) => level switch
    {
        ControlLevel.Minimum => "minimal",
        ControlLevel.Low => "low",
        ControlLevel.Medium => "medium",
        ControlLevel.High => "high",
        _ => "max",
    };

    private static void WriteModalities(Utf8JsonWriter json, EquatableArray<Modality>? input, EquatableArray<Modality>? output)
    {
        if (input is null && output is null)
        {
            return;
        }
        json.WriteStartObject("modalities");
        Modalities(json, "input", input);
        Modalities(json, "output", output);
        json.WriteEndObject();
    }

    private static void Modalities(Utf8JsonWriter json, string name, EquatableArray<Modality>? list)
    {
        if (list is not { } known)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var modality in known)
        {
            json.WriteStringValue(modality switch
            {
                Modality.Text => "text",
                Modality.Image => "image",
                Modality.Audio => "audio",
                Modality.Video => "video",
                Modality.Pdf => "pdf",
                _ => "embedding",
            });
        }
        json.WriteEndArray();
    }

    private static void WriteLimit(Utf8JsonWriter json, ModelLimits? limits)
    {
        if (limits is null or { ContextWindow: null, InputTokens: null, OutputTokens: null })
        {
            return;
        }
        json.WriteStartObject("limit");
        Long(json, "context", limits.ContextWindow);
        Long(json, "input", limits.InputTokens);
        Long(json, "output", limits.OutputTokens);
        json.WriteEndObject();
    }

    private static void WriteCost(Utf8JsonWriter json, ModelPricing? pricing)
    {
        if (pricing is null || !string.Equals(pricing.Currency, "USD", StringComparison.Ordinal))
        {
            return;
        }
        var tiers = pricing.Tiers.Where(t => t.Tokens is not null).OrderBy(t => t.ContextThreshold).ToList();
        if (pricing.Tokens is null && tiers.Count == 0)
        {
            return;
        }
        json.WriteStartObject("cost");
        WriteTokens(json, pricing.Tokens);
        if (tiers.Count > 0)
        {
            json.WriteStartArray("tiers");
            foreach (var tier in tiers)
            {
                json.WriteStartObject();
                WriteTokens(json, tier.Tokens);
                json.WriteStartObject("tier");
                json.WriteString("type", "context");
                json.WriteNumber("size", tier.ContextThreshold);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // Older readers know only this block; models.dev writes it beside "tiers" for the 200k tier.
        if (tiers.FirstOrDefault(t => t.ContextThreshold == 200_000) is { } over200k)
        {
            json.WriteStartObject("context_over_200k");
            WriteTokens(json, over200k.Tokens);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteTokens(Utf8JsonWriter json, TokenPrices? tokens)
    {
        Decimal(json, "input", tokens?.Input);
        Decimal(json, "output", tokens?.Output);
        Decimal(json, "cache_read", tokens?.CacheRead);
        Decimal(json, "cache_write", tokens?.CacheWrite);
        Decimal(json, "reasoning", tokens?.Reasoning);
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } known)
        {
            json.WriteBoolean(name, known);
        }
    }

    private static void Long(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } known)
        {
            json.WriteNumber(name, known);
        }
    }

    // Utf8JsonWriter writes a decimal as its exact digits (0.15 stays 0.15; no double in between).
    private static void Decimal(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } known)
        {
            json.WriteNumber(name, known);
        }
    }

    private static void Date(Utf8JsonWriter json, string name, DateOnly? value)
    {
        if (value is { } known)
        {
            json.WriteString(name, known.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
