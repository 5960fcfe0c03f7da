using System.Text.Json;
using Starmap.Catalog.Validation;
using Starmap.Sources.Json;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Reads a models.dev <c>api.json</c>. Lenient per record, strict on the whole: a file that is not a
/// JSON object of providers fails with <see cref="FormatException"/>, but one odd model (a value of
/// the wrong type, a missing ID) only drops that value or record and adds a warning, because
/// models.dev's schema grows often and one bad entry must not hide 5,000 good ones.
/// </summary>
public static class ModelsDevParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses UTF-8 JSON.</summary>
    public static ModelsDevSnapshot Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw NotText(ex);
        }
    }

    /// <summary>Parses JSON text.</summary>
    public static ModelsDevSnapshot Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw NotText(ex);
        }
    }

    /// <summary>Parses a stream of UTF-8 JSON.</summary>
    public static async Task<ModelsDevSnapshot> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(utf8Json, DocumentOptions, cancellationToken).ConfigureAwait(false);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw NotText(ex);
        }
    }

    // The parser's message quotes the offending bytes: escaped, so a hostile body cannot put control or bidi
    // characters into an error or a log line.
    private static FormatException Invalid(JsonException ex) =>
        new($"models.dev api.json is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {StarmapValidationException.Escape(WithoutPosition(ex.Message))}", ex);

    // The parser ends its message with its own zero-based " LineNumber: 0 | BytePositionInLine: 1.": said once above, counted from 1.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd() : message;
    }

    // A backstop: Read takes names and strings through JsonText, so a lone surrogate ("\udc00", valid JSON but not
    // text) costs its entry or field; a path that still reads one directly fails the file, named, not as a crash.
    private static FormatException NotText(InvalidOperationException ex) =>
        new("models.dev api.json holds a name or string that is not text (an escaped lone surrogate such as \\udc00)", ex);

    private static ModelsDevSnapshot Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"models.dev api.json must be an object of providers, not {JsonRecord.Describe(root.ValueKind)}");
        }
        var warnings = new WarningList();
        var providers = new Dictionary<string, ModelsDevProvider>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (JsonText.NameOf(property) is not { } name)
            {
                warnings.Add("a provider's ID is not valid text (it holds an unpaired surrogate), skipped");
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"{name}: provider entry is {JsonRecord.Describe(property.Value.ValueKind)}, skipped");
                continue;
            }
            providers[name] = ReadProvider(name, property.Value, warnings);
        }
        return new ModelsDevSnapshot { Providers = providers, Warnings = warnings.ToArray() };
    }

    private static ModelsDevProvider ReadProvider(string id, JsonElement element, WarningList warnings)
    {
        var reader = new JsonRecord(element, id, warnings);
        var models = new List<ModelsDevModel>();
        if (reader.Object("models") is { } list)
        {
            foreach (var property in list.EnumerateObject())
            {
                if (JsonText.NameOf(property) is not { } modelId)
                {
                    warnings.Add($"{id}: a model's ID is not valid text (it holds an unpaired surrogate), skipped");
                    continue;
                }
                var context = id + "/" + modelId;
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    warnings.Add($"{context}: model entry is {JsonRecord.Describe(property.Value.ValueKind)}, skipped");
                    continue;
                }
                if (modelId.Length == 0)
                {
                    warnings.Add($"{id}: a model has an empty ID, skipped");
                    continue;
                }
                var refusals = new ModelsDevRefusals();
                models.Add(ReadModel(modelId, new JsonRecord(property.Value, context, warnings, refusals.Add)) with { Quarantine = refusals.ToArray() });
            }
        }
        else
        {
            warnings.Add($"{id}: no models object");
        }
        return new ModelsDevProvider
        {
            Id = id,
            Name = reader.String("name"),
            Env = reader.Strings("env") ?? default,
            Npm = reader.String("npm"),
            Api = reader.String("api"),
            Doc = reader.String("doc"),
            Models = models.OrderBy(m => m.Id, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    private static ModelsDevModel ReadModel(string id, JsonRecord m)
    {
        var modalities = m.Child("modalities");
        return new ModelsDevModel
        {
            // The key is the ID providers are called with; the inner "id" repeats it.
            Id = id,
            Name = m.String("name"),
            Description = m.String("description"),
            Family = m.String("family"),
            Attachment = m.Bool("attachment"),
            Reasoning = m.Bool("reasoning"),
            ToolCall = m.Bool("tool_call"),
            Temperature = m.Bool("temperature"),
            StructuredOutput = m.Bool("structured_output"),
            OpenWeights = m.Bool("open_weights"),
            Knowledge = m.Date("knowledge"),
            ReleaseDate = m.Date("release_date"),
            LastUpdated = m.Date("last_updated"),
            InputModalities = modalities?.Strings("input"),
            OutputModalities = modalities?.Strings("output"),
            Cost = m.Child("cost") is { } cost ? ReadCost(cost) : null,
            Limit = m.Child("limit") is { } limit
                ? new ModelsDevLimit { Context = Limit(limit, "context"), Input = Limit(limit, "input"), Output = Limit(limit, "output") }
                : null,
            Status = m.String("status"),
            ReasoningOptions = m.Items("reasoning_options").Select(ReadReasoningOption).OfType<ModelsDevReasoningOption>().ToEquatableArray(),
        };
    }

    // 0 is models.dev's "not known" and stays so; a negative token count cannot be right and is refused.
    private static long? Limit(JsonRecord limit, string name)
    {
        var value = limit.Long(name);
        if (value is < 0)
        {
            limit.Refuse(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be negative");
            return null;
        }
        return value;
    }

    private static ModelsDevCost ReadCost(JsonRecord cost)
    {
        var tiers = new List<ModelsDevCostTier>();
        foreach (var tier in cost.Items("tiers"))
        {
            if (tier.Child("tier") is not { } condition || condition.String("type") is not "context" || condition.Long("size") is not { } size)
            {
                tier.Warn("a price tier is not a context-size tier, skipped");
                continue;
            }
            tiers.Add(ReadTier(tier, size));
        }
        // context_over_200k predates "tiers" and repeats its 200k tier; it counts only on its own.
        if (tiers.Count == 0 && cost.Child("context_over_200k") is { } over)
        {
            tiers.Add(ReadTier(over, 200_000));
        }
        return new ModelsDevCost
        {
            Input = cost.Decimal("input"),
            Output = cost.Decimal("output"),
            CacheRead = cost.Decimal("cache_read"),
            CacheWrite = cost.Decimal("cache_write"),
            Reasoning = cost.Decimal("reasoning"),
            InputAudio = cost.Decimal("input_audio"),
            OutputAudio = cost.Decimal("output_audio"),
            Tiers = tiers.OrderBy(t => t.ContextOver).ToEquatableArray(),
        };
    }

    private static ModelsDevCostTier ReadTier(JsonRecord tier, long contextOver) => new()
    {
        ContextOver = contextOver,
        Input = tier.Decimal("input"),
        Output = tier.Decimal("output"),
        CacheRead = tier.Decimal("cache_read"),
        CacheWrite = tier.Decimal("cache_write"),
        Reasoning = tier.Decimal("reasoning"),
    };

    private static ModelsDevReasoningOption? ReadReasoningOption(JsonRecord option)
    {
        if (option.String("type") is not { } type)
        {
            option.Warn("a reasoning option has no type, skipped");
            return null;
        }
        return new ModelsDevReasoningOption
        {
            Type = type,
            Values = option.Strings("values") ?? default,
            Min = option.Long("min"),
            Max = option.Long("max"),
        };
    }

}
