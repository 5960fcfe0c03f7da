using System.Text.Json;

namespace Starmap.Sources.Json;

/// <summary>
/// Text of JSON that may not be text: <c>"\ud800"</c> (an escaped unpaired surrogate) is valid JSON,
/// but <see cref="JsonElement.GetString"/> and <see cref="JsonProperty.Name"/> throw
/// <see cref="InvalidOperationException"/> for it: a request body would answer 500 instead of naming the
/// field, and one such item would fail a provider's whole list instead of being skipped. Shared by the HTTP
/// bodies and the source readers.
/// </summary>
public static class JsonText
{
    /// <summary>The string value, or null when it is not a string or not valid UTF-16.</summary>
    public static string? Of(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The property's name, or null when it is not valid UTF-16.</summary>
    public static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
