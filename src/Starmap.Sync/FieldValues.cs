using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>What a flattened value says: whether it states anything, equality, and its JSON text.</summary>
internal static class FieldValues
{
    /// <summary>
    /// True when the value says nothing: an empty placeholder object, an enum's <c>Unknown</c> member,
    /// or an empty list where the contract's list cannot be null (absent and null never reach a
    /// <see cref="FieldMap"/>). These are the defaults a record writes when nobody set the field.
    /// </summary>
    public static bool IsUnknown(Field field) =>
        field.Value is JsonObject { Count: 0 } ||
        JsonShape.IsUnknownEnumValue(field.Type, field.Value) ||
        (field.Value is JsonArray { Count: 0 } && field.Type is { IsValueType: true } type && Nullable.GetUnderlyingType(type) is null);

    /// <summary>
    /// True when a source states a value here. Beyond <see cref="IsUnknown"/>, <c>""</c> and <c>[]</c>
    /// are not stated under <see cref="EmptyHandling.EmptyIsUnknown"/>, and an atomic subtree is stated
    /// only when it holds a field other than its type's defaults (a bare <c>{"currency":"USD"}</c> is no price).
    /// </summary>
    public static bool IsStated(Field field, EmptyHandling empty)
    {
        if (IsUnknown(field))
        {
            return false;
        }
        if (field.IsUnit && field.Value is JsonObject unit)
        {
            return StatesBeyondDefaults(unit, field.Type, JsonShape.DefaultOf(field.Type), empty);
        }
        return empty == EmptyHandling.EmptyIsValue || !IsEmpty(field.Value);
    }

    /// <summary>JSON equality with numbers compared by value (2.50 equals 2.5).</summary>
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true; // the merge of unchanged properties compares each field with itself: no text for it
        }
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && Equal(p.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second));
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                return NumberEqual(x.ToJsonString(), y.ToJsonString());
            case (JsonValue x, JsonValue y):
                return string.Equals(x.ToJsonString(StarmapJson.Options), y.ToJsonString(StarmapJson.Options), StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>Compact JSON text in the contracts' shape.</summary>
    public static string Text(JsonNode value) => value.ToJsonString(StarmapJson.Options);

    private static bool NumberEqual(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
        decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x == y
            : string.Equals(a, b, StringComparison.Ordinal);

    private static bool IsEmpty(JsonNode value) =>
        value is JsonArray { Count: 0 } || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);

    private static bool StatesBeyondDefaults(JsonObject node, Type? type, JsonObject? defaults, EmptyHandling empty)
    {
        foreach (var (name, value) in node)
        {
            if (value is null)
            {
                continue;
            }
            var childType = JsonShape.ChildType(type, name);
            var fallback = defaults?[name];
            if (value is JsonObject child)
            {
                if (StatesBeyondDefaults(child, childType, JsonShape.DefaultOf(childType), empty))
                {
                    return true;
                }
            }
            else if (IsStated(new Field(value, childType, IsUnit: false), empty) && !Equal(value, fallback))
            {
                return true;
            }
        }
        return false;
    }
}
