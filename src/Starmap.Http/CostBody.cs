using System.Globalization;
using System.Text.Json;
using Starmap.Sources.Json;

namespace Starmap.Http;

/// <summary>
/// Reads the body of <c>POST /api/v1/cost</c> (and each row of the batch) strictly: an unknown field, a field
/// given twice, a wrong JSON type, or a count that is negative, fractional or too large is a 400 naming the
/// field as sent (<c>usage.input_tokens</c>, <c>items[3].model</c>), so a typo never prices as 0.
/// </summary>
internal static class CostBody
{
    private static readonly string[] Fields = ["provider", "model", "usage", "at"];

    private static readonly Dictionary<string, Func<CallUsage, long, CallUsage>> UsageFields = new(StringComparer.Ordinal)
    {
        [CostComponents.InputTokens] = (u, v) => u with { InputTokens = v },
        [CostComponents.OutputTokens] = (u, v) => u with { OutputTokens = v },
        [CostComponents.CacheReadTokens] = (u, v) => u with { CacheReadTokens = v },
        [CostComponents.CacheWriteTokens] = (u, v) => u with { CacheWriteTokens = v },
        [CostComponents.ReasoningTokens] = (u, v) => u with { ReasoningTokens = v },
        [CostComponents.Requests] = (u, v) => u with { Requests = v },
        [CostComponents.InputImages] = (u, v) => u with { InputImages = v },
        [CostComponents.InputAudio] = (u, v) => u with { InputAudio = v },
        [CostComponents.InputVideo] = (u, v) => u with { InputVideo = v },
        [CostComponents.GeneratedImages] = (u, v) => u with { GeneratedImages = v },
        [CostComponents.GeneratedAudio] = (u, v) => u with { GeneratedAudio = v },
        [CostComponents.GeneratedVideo] = (u, v) => u with { GeneratedVideo = v },
        [CostComponents.WebSearches] = (u, v) => u with { WebSearches = v },
        [CostComponents.FunctionCalls] = (u, v) => u with { FunctionCalls = v },
        [CostComponents.ToolUses] = (u, v) => u with { ToolUses = v },
    };

    /// <summary>The body as JSON; a body that is not JSON is a 400 naming <c>body</c>.</summary>
    public static async Task<JsonDocument> ParseAsync(Stream body, string example, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException)
        {
            throw new HttpParameterException("body", $"is not JSON; expected an object such as {example}");
        }
    }

    /// <summary>One row: <c>{provider, model, usage: {...}, at?}</c>; <paramref name="prefix"/> leads every field name in errors.</summary>
    public static CostRequest Row(JsonElement row, string prefix)
    {
        var fields = Object(row, prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), prefix, Fields);
        var usage = new CallUsage();
        if (fields.TryGetValue("usage", out var usageElement))
        {
            foreach (var (name, value) in Object(usageElement, prefix + "usage", prefix + "usage.", UsageFields.Keys))
            {
                usage = UsageFields[name](usage, Count(value, prefix + "usage." + name));
            }
        }
        else
        {
            throw new HttpParameterException(prefix + "usage", "is required: an object of counts such as {\"input_tokens\": 1000, \"output_tokens\": 200}");
        }
        return new CostRequest
        {
            ProviderId = Id(fields, "provider", prefix),
            ModelId = Id(fields, "model", prefix),
            Usage = usage,
            At = fields.TryGetValue("at", out var at) ? Time(at, prefix + "at") : null,
        };
    }

    /// <summary>
    /// The members of an object, each known and given once; errors name <paramref name="name"/> for the
    /// object and <paramref name="prefix"/> + member for a member.
    /// </summary>
    public static Dictionary<string, JsonElement> Object(JsonElement element, string name, string prefix, IEnumerable<string> allowed)
    {
        var known = allowed as IReadOnlyCollection<string> ?? [.. allowed];
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new HttpParameterException(name, $"must be a JSON object, not {Kind(element)}");
        }
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var member = JsonText.NameOf(property) ?? throw new HttpParameterException(name, "a field name is not valid text (it holds an unpaired surrogate)");
            if (!known.Contains(member))
            {
                throw new HttpParameterException(prefix + member, $"unknown field; {name} takes {string.Join(", ", known)}", "unknown_parameter");
            }
            if (!members.TryAdd(member, property.Value))
            {
                throw new HttpParameterException(prefix + member, "is given twice");
            }
        }
        return members;
    }

    private static string Id(Dictionary<string, JsonElement> fields, string name, string prefix)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            throw new HttpParameterException(prefix + name, $"is required: the {(name == "provider" ? "provider ID, such as \"anthropic\"" : "provider's model ID, such as \"claude-sonnet-4\"")}");
        }
        return JsonText.Of(element) is { Length: > 0 } id
            ? id
            : throw new HttpParameterException(prefix + name, element.ValueKind == JsonValueKind.String ? "must not be empty" : $"must be a string, not {Kind(element)}");
    }

    private static long Count(JsonElement element, string name)
    {
        const string Range = "must be a whole number from 0 to 1000000000000000";
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new HttpParameterException(name, $"{Range}, not {Kind(element)}");
        }
        if (!element.TryGetInt64(out var count))
        {
            // A fraction, an exponent or a number past 64 bits: say which, with the value as sent.
            throw new HttpParameterException(name, $"{Range}; got {Shortened(element.GetRawText())}");
        }
        return count switch
        {
            < 0 => throw new HttpParameterException(name, $"must not be negative; got {count}"),
            > CostCalculator.MaxCount => throw new HttpParameterException(name, $"{Range}; got {count}"),
            _ => count,
        };
    }

    private static DateTimeOffset? Time(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        const string Expected = "must be an ISO 8601 time such as \"2025-06-01T00:00:00Z\" (or a date, read as 00:00 UTC)";
        var text = JsonText.Of(element) ?? throw new HttpParameterException(name, $"{Expected}, not {Kind(element)}");
        return DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new HttpParameterException(name, $"{Expected}; got \"{QueryReader.Printable(Shortened(text))}\"");
    }

    // ISO 8601 only (never the culture's own forms): a date, or a time with seconds, optional fraction, and Z or an offset.
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shortened(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
