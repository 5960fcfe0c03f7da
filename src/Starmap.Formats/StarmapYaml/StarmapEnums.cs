using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Enum values as Starmap spells them: the contracts' JSON name (<c>google-cloud</c>, <c>json_schema</c>).
/// Reading ignores case and treats <c>-</c> and <c>_</c> alike, since Starmap mixes both.
/// </summary>
internal static class StarmapEnums
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> ByName = new();

    public static string Name<T>(T value) where T : struct, Enum
    {
        var member = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var names = ByName.GetOrAdd(typeof(T), _ => Enum.GetValues<T>().ToDictionary(v => Normalize(Name(v)), v => (object)v, StringComparer.Ordinal));
        if (names.TryGetValue(Normalize(text), out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The accepted names, for error messages.</summary>
    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    private static string Normalize(string text) => text.Trim().ToLowerInvariant().Replace('-', '_');
}
