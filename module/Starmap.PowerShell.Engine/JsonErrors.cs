using System.Text.Json;
using System.Text.RegularExpressions;

namespace Starmap.PowerShell;

/// <summary>
/// A catalog JSON file's parse error in the user's terms: the file, the line, the field, and what was expected,
/// instead of System.Text.Json's "'object' could not be mapped to any .NET member contained in type
/// 'Starmap.CatalogContent'" (kept on the inner exception).
/// </summary>
internal static partial class JsonErrors
{
    private const string CatalogShape =
        "a catalog JSON file is what Export-StarmapCatalog -Format Json writes: an object with providers, authors and documents";

    public static string Describe(string path, JsonException error)
    {
        var message = error.Message;
        // The reader's position is in the message; the exception's own Path/LineNumber are not always filled in.
        var position = Position().Match(message);
        var jsonPath = position.Success ? position.Groups["path"].Value : error.Path;
        long? lineNumber = position.Success ? long.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : error.LineNumber;
        var line = lineNumber is { } l ? $"line {l + 1}" : "the file";
        var field = Field(jsonPath);
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var at = Field(ParentOf(jsonPath, name));
            var hint = at is null && name is "object" or "data"
                ? " It looks like an OpenAI or OpenRouter model list; those are export formats only. Import a Starmap folder or JSON export, or a models.dev api.json with -Format ModelsDev."
                : at is null && name is not ("providers" or "authors" or "documents")
                    ? " If it is a models.dev api.json, import it with -Format ModelsDev."
                    : "";
            return $"'{path}' is not a catalog Starmap can import: {line}, '{name}' is not a field {(at is null ? "of a catalog" : $"of {at}")} ({CatalogShape}).{hint} Nothing was imported.";
        }
        if (NotConvertible().Match(message) is { Success: true } convert)
        {
            var type = convert.Groups["type"].Value;
            // The catalog's top-level members are read as a whole, so the reader reports the top: name the member by its type.
            field ??= TopLevelField(type);
            return $"'{path}' is not a catalog Starmap can import: {line}, {(field is null ? "the top" : $"field {field}")} should be {Expected(type)}. Nothing was imported.";
        }
        // Broken JSON itself (a missing comma, a cut-off file): the reader's own words, without its position suffix.
        var reason = PositionSuffix().Replace(message, "").TrimEnd('.', ' ');
        return $"'{path}' is not a catalog Starmap can import: {line}{(field is null ? "" : $", field {field}")}: {reason}. Nothing was imported.";
    }

    // "$.providers[0].offerings[2].limits" -> "providers[0].offerings[2].limits"; the root is null.
    private static string? Field(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? null : jsonPath.TrimStart('$', '.');

    private static string? ParentOf(string? jsonPath, string name) =>
        jsonPath is not null && jsonPath.EndsWith("." + name, StringComparison.Ordinal) ? jsonPath[..^(name.Length + 1)]
        : jsonPath is not null && jsonPath.EndsWith($"['{name}']", StringComparison.Ordinal) ? jsonPath[..^(name.Length + 4)]
        : jsonPath;

    private static string? TopLevelField(string type) => type switch
    {
        _ when type.Contains("ProviderDetails", StringComparison.Ordinal) => "providers",
        _ when type.Contains("AuthorDetails", StringComparison.Ordinal) => "authors",
        _ when type.Contains("CatalogDocument", StringComparison.Ordinal) => "documents",
        _ => null,
    };

    private static string Expected(string type)
    {
        var name = type.Split('.', '`', '[')[^1];
        if (type.Contains("Nullable`1[[", StringComparison.Ordinal))
        {
            name = type[(type.IndexOf("[[", StringComparison.Ordinal) + 2)..].Split(',')[0].Split('.')[^1];
        }
        return name switch
        {
            "Int32" or "Int64" or "Int16" => "a whole number",
            "Decimal" or "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            "String" => "text in quotes",
            "DateTimeOffset" or "DateTime" => "a date and time such as 2025-06-01T00:00:00Z",
            "DateOnly" => "a date such as 2025-06-01",
            "TimeSpan" => "a duration such as 01:00:00",
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("Array", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list ([...])",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object ({...})",
            _ => $"a {name} value ({{...}} or one of its names)",
        };
    }

    [GeneratedRegex(@"Path: (?<path>\S*) \| LineNumber: (?<line>\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"The JSON property '(?<name>.*?)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?\s+Path:")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"\s*(Path: \S*|LineNumber: \d+|BytePositionInLine: \d+)(\s*\|\s*)?", RegexOptions.None)]
    private static partial Regex PositionSuffix();
}
