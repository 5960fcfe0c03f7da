using System.Globalization;
using System.Text.Json;
using Starmap.Catalog.Validation;

namespace Starmap.Sources.Json;

/// <summary>
/// The one JSON-reading toolkit of the sources: typed reads of one object in a provider response or a
/// models.dev snapshot. A missing or null member is unknown (null); a member of the wrong type is left
/// unknown with a warning naming where it was and, when the caller notes refusals (a models.dev model
/// entry), a refusal at its path in the entry, which becomes a quarantine note on the record.
/// </summary>
/// <param name="element">The object read.</param>
/// <param name="context">Where it is, for warnings (<c>openai/gpt-4o</c>, <c>item 3</c>).</param>
/// <param name="warnings">Where warnings go.</param>
/// <param name="refuse">Called with (member path, value, reason) for each value that could not be read; null when not noted.</param>
/// <param name="path">The path of <paramref name="element"/> inside the entry the refusals are about.</param>
internal readonly struct JsonRecord(JsonElement element, string context, WarningList warnings,
    Action<string, string?, string>? refuse = null, string path = "")
{
    private const string DateForms = "YYYY-MM-DD, YYYY-MM or YYYY";

    public JsonElement Element => element;

    public string Context => context;

    public void Warn(string message) => warnings.Add(context + ": " + message);

    /// <summary>The member at a dotted path (<c>top_provider.max_completion_tokens</c>), or null when absent or null.</summary>
    public JsonElement? Path(string memberPath)
    {
        var current = element;
        foreach (var part in memberPath.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public string? String(string memberPath) => Get(memberPath, JsonValueKind.String, "a string") is { } value ? TextOf(memberPath, value) : null;

    /// <summary>A string or number as text (for feature rules and author mapping, which compare text).</summary>
    public string? Text(string memberPath) => Path(memberPath) switch
    {
        { ValueKind: JsonValueKind.String } value => TextOf(memberPath, value),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    public bool? Bool(string memberPath)
    {
        if (Path(memberPath) is not { } value)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        WrongType(memberPath, value, "a boolean");
        return null;
    }

    /// <summary>A whole number: also <c>128000.0</c> (exact in decimal form) and a numeric string (<c>"128000"</c>).</summary>
    public long? Long(string memberPath)
    {
        if (Path(memberPath) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var whole))
            {
                return whole;
            }
            if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
            {
                return (long)number;
            }
        }
        if (value.ValueKind == JsonValueKind.String && long.TryParse(JsonText.Of(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        WrongType(memberPath, value, "a whole number");
        return null;
    }

    /// <summary>A positive count (tokens, limits): 0 and negatives are placeholders for "not known".</summary>
    public long? Positive(string memberPath) => Long(memberPath) is > 0 and var value ? value : null;

    /// <summary>An exact decimal: <see cref="JsonElement.TryGetDecimal"/> parses the JSON text itself, so 0.15 stays 0.15.</summary>
    public decimal? Decimal(string memberPath)
    {
        if (Get(memberPath, JsonValueKind.Number, "a number") is not { } value)
        {
            return null;
        }
        if (value.TryGetDecimal(out var number))
        {
            return number;
        }
        WrongType(memberPath, value, "a decimal number");
        return null;
    }

    public double? Double(string memberPath)
    {
        if (Get(memberPath, JsonValueKind.Number, "a number") is not { } value)
        {
            return null;
        }
        if (value.TryGetDouble(out var number))
        {
            return number;
        }
        WrongType(memberPath, value, "a number");
        return null;
    }

    /// <summary>Non-empty strings of an array; any other item is dropped with a warning.</summary>
    public EquatableArray<string>? Strings(string memberPath)
    {
        if (Get(memberPath, JsonValueKind.Array, "an array") is not { } value)
        {
            return null;
        }
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && TextOf(memberPath, item) is { Length: > 0 } text)
            {
                items.Add(text);
            }
            else
            {
                Warn($"'{memberPath}' holds {Describe(item.ValueKind)}, dropped");
            }
        }
        return items.ToEquatableArray();
    }

    public JsonElement? Object(string memberPath) => Get(memberPath, JsonValueKind.Object, "an object");

    /// <summary>The object member as a record of its own (warnings name it), or null when absent or not an object.</summary>
    public JsonRecord? Child(string memberPath) =>
        Path(memberPath) is { ValueKind: JsonValueKind.Object } value
            ? new JsonRecord(value, context + "." + memberPath, warnings, refuse, PathOf(memberPath))
            : null;

    /// <summary>The objects of an array member; other items are skipped with a warning.</summary>
    public IEnumerable<JsonRecord> Items(string memberPath)
    {
        if (Get(memberPath, JsonValueKind.Array, "an array") is not { } value)
        {
            return [];
        }
        var items = new List<JsonRecord>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemContext = $"{context}.{memberPath}[{index}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new JsonRecord(item, itemContext, warnings, refuse, $"{PathOf(memberPath)}[{index}]"));
            }
            else
            {
                warnings.Add($"{itemContext}: is {Describe(item.ValueKind)}, skipped");
            }
            index++;
        }
        return items;
    }

    /// <summary>A date from <c>YYYY-MM-DD</c>, <c>YYYY-MM</c>, <c>YYYY</c>, an ISO 8601 timestamp or unix seconds; null when absent or 0.</summary>
    public DateOnly? Date(string memberPath)
    {
        if (Path(memberPath) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            return UnixDate(seconds);
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(memberPath, value, "a date");
            return null;
        }
        if (TextOf(memberPath, value) is not { } text)
        {
            return null;
        }
        if (ParseDate(text) is { } date)
        {
            return date;
        }
        Refuse(memberPath, text, $"is not a date ({DateForms})", $"'{memberPath}' is not a date ({DateForms}): {Excerpt(text)}");
        return null;
    }

    /// <summary>Notes a value of this entry that was read but cannot be right (a negative limit).</summary>
    public void Refuse(string memberPath, string value, string reason) =>
        Refuse(memberPath, value, reason, $"'{memberPath}' {reason}: {value}; left unknown");

    /// <summary>Unix seconds as a UTC date; 0 and negatives are "not known".</summary>
    public static DateOnly? UnixDate(long seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime) : null;

    /// <summary>
    /// <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> (first of the month), <c>YYYY</c> (first of the year), an ISO 8601
    /// timestamp (its UTC day) or unix seconds; null for anything else (an impossible date stays unknown).
    /// </summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        string[] forms = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (DateOnly.TryParseExact(text, forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // Only a timestamp (date, 'T', time) is parsed as one, so a slip like 2025-25-11 is never guessed at.
        if (text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp))
        {
            return DateOnly.FromDateTime(stamp.UtcDateTime);
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? UnixDate(seconds) : null;
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private JsonElement? Get(string memberPath, JsonValueKind kind, string expected)
    {
        if (Path(memberPath) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == kind)
        {
            return value;
        }
        WrongType(memberPath, value, expected);
        return null;
    }

    // A string that is not text (an escaped unpaired surrogate, valid JSON) is refused like a wrong type: one
    // such value must cost its field, not the whole list it came in.
    private string? TextOf(string memberPath, JsonElement value) =>
        JsonText.Of(value) ?? RefusedText(memberPath, value);

    private string? RefusedText(string memberPath, JsonElement value)
    {
        Refuse(memberPath, value.GetRawText(), "is not valid text (it holds an unpaired surrogate)",
            $"'{memberPath}' is not valid text (it holds an unpaired surrogate); left unknown");
        return null;
    }

    private void WrongType(string memberPath, JsonElement value, string expected) =>
        Refuse(memberPath, value.GetRawText(), $"is {Describe(value.ValueKind)}, expected {expected}",
            $"'{memberPath}' is {Describe(value.ValueKind)}, expected {expected}; left unknown");

    private void Refuse(string memberPath, string? value, string reason, string warning)
    {
        Warn(warning);
        refuse?.Invoke(PathOf(memberPath), value, reason);
    }

    private string PathOf(string memberPath) => path.Length == 0 ? memberPath : path + "." + memberPath;

    private static string Excerpt(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
