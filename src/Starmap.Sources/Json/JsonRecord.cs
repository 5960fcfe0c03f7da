using System.Globalization;
using System.Text.Json;

namespace Starmap.Sources.Json;

/// <summary>
/// Typed reads of one model object in a provider response. Missing or null members are unknown
/// (null); members of the wrong type are left unknown with a warning naming the model.
/// </summary>
internal readonly struct JsonRecord(JsonElement element, string context, SourceWarnings warnings)
{
    public JsonElement Element => element;

    public string Context => context;

    public void Warn(string message) => warnings.Add(context + ": " + message);

    /// <summary>The member at a dotted path (<c>top_provider.max_completion_tokens</c>), or null.</summary>
    public JsonElement? Path(string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public string? String(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        WrongType(path, value, "a string");
        return null;
    }

    /// <summary>A string or number as text (for feature rules and author mapping, which compare text).</summary>
    public string? Text(string path) => Path(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    public bool? Bool(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        WrongType(path, value, "a boolean");
        return null;
    }

    /// <summary>A whole number, also from a numeric string; null when absent or not one.</summary>
    public long? Long(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        WrongType(path, value, "a whole number");
        return null;
    }

    public double? Double(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }
        WrongType(path, value, "a number");
        return null;
    }

    /// <summary>A positive count (tokens, limits): 0 and negatives are placeholders for "not known".</summary>
    public long? Positive(string path) => Long(path) is > 0 and var value ? value : null;

    public EquatableArray<string>? Strings(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, value, "an array");
            return null;
        }
        return value.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToEquatableArray();
    }

    public JsonRecord? Child(string path) =>
        Path(path) is { ValueKind: JsonValueKind.Object } value ? new JsonRecord(value, context + "." + path, warnings) : null;

    /// <summary>A date from <c>YYYY-MM-DD</c>, an ISO 8601 timestamp, or unix seconds; null when absent or 0.</summary>
    public DateOnly? Date(string path)
    {
        if (Path(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            return UnixDate(seconds);
        }
        if (value.ValueKind == JsonValueKind.String && ParseDate(value.GetString()!) is { } date)
        {
            return date;
        }
        Warn($"'{path}' is not a date: {Excerpt(value.GetRawText())}");
        return null;
    }

    /// <summary>Unix seconds as a UTC date; 0 and negatives are "not known".</summary>
    public static DateOnly? UnixDate(long seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime) : null;

    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp))
        {
            return DateOnly.FromDateTime(stamp.UtcDateTime);
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? UnixDate(seconds) : null;
    }

    private void WrongType(string path, JsonElement value, string expected) =>
        Warn($"'{path}' is {Describe(value.ValueKind)}, expected {expected}; left unknown");

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

    private static string Excerpt(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
