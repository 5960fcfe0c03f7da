using System.Globalization;
using System.Text.Json;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Typed reads of one JSON object's members: a missing or null member is unknown (null); a member of
/// the wrong type is dropped with a warning naming where it was and, inside a model entry, a
/// quarantine note on the record (<paramref name="refusals"/>, at <paramref name="path"/> in the entry).
/// </summary>
internal sealed class ModelsDevElement(JsonElement element, string context, ModelsDevWarnings warnings,
    ModelsDevRefusals? refusals = null, string path = "")
{
    public void Warn(string message) => warnings.Add(context + ": " + message);

    public string? String(string name) => Get(name, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

    public bool? Bool(string name)
    {
        if (!TryMember(name, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        WrongType(name, value, "a boolean");
        return null;
    }

    public long? Long(string name)
    {
        if (Get(name, JsonValueKind.Number, "a number") is not { } value)
        {
            return null;
        }
        if (value.TryGetInt64(out var whole))
        {
            return whole;
        }
        // Some files write token counts as 128000.0; a whole number in decimal form is still exact.
        if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)number;
        }
        WrongType(name, value, "a whole number");
        return null;
    }

    public decimal? Decimal(string name)
    {
        if (Get(name, JsonValueKind.Number, "a number") is not { } value)
        {
            return null;
        }
        // TryGetDecimal parses the JSON text itself, so 0.15 stays exactly 0.15 (no double in between).
        if (value.TryGetDecimal(out var number))
        {
            return number;
        }
        WrongType(name, value, "a decimal number");
        return null;
    }

    public DateOnly? Date(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }
        if (ParseDate(text) is { } date)
        {
            return date;
        }
        Warn($"'{name}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): {text}");
        refusals?.Add(PathOf(name), text, "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        return null;
    }

    public EquatableArray<string>? Strings(string name)
    {
        if (Get(name, JsonValueKind.Array, "an array") is not { } value)
        {
            return null;
        }
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                items.Add(text);
            }
            else
            {
                Warn($"'{name}' holds {ModelsDevParser.Describe(item.ValueKind)}, dropped");
            }
        }
        return items.ToEquatableArray();
    }

    public JsonElement? Object(string name) => Get(name, JsonValueKind.Object, "an object");

    public ModelsDevElement? Child(string name) =>
        Object(name) is { } value ? new ModelsDevElement(value, context + "." + name, warnings, refusals, PathOf(name)) : null;

    /// <summary>Notes a value of this entry that was read but cannot be right (a negative limit).</summary>
    public void Refuse(string name, string value, string reason)
    {
        Warn($"'{name}' {reason}: {value}; left unknown");
        refusals?.Add(PathOf(name), value, reason);
    }

    public IEnumerable<ModelsDevElement> Items(string name)
    {
        if (Get(name, JsonValueKind.Array, "an array") is not { } value)
        {
            yield break;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemContext = $"{context}.{name}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return new ModelsDevElement(item, itemContext, warnings, refusals, $"{PathOf(name)}[{index - 1}]");
            }
            else
            {
                warnings.Add($"{itemContext}: is {ModelsDevParser.Describe(item.ValueKind)}, skipped");
            }
        }
    }

    /// <summary>YYYY-MM-DD, YYYY-MM (first of the month) or YYYY (first of the year).</summary>
    internal static DateOnly? ParseDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private JsonElement? Get(string name, JsonValueKind kind, string expected)
    {
        if (!TryMember(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == kind)
        {
            return value;
        }
        WrongType(name, value, expected);
        return null;
    }

    private bool TryMember(string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void WrongType(string name, JsonElement value, string expected)
    {
        Warn($"'{name}' is {ModelsDevParser.Describe(value.ValueKind)}, expected {expected}; left unknown");
        refusals?.Add(PathOf(name), value.GetRawText(), $"is {ModelsDevParser.Describe(value.ValueKind)}, expected {expected}");
    }

    private string PathOf(string name) => path.Length == 0 ? name : path + "." + name;
}
