using Starmap.Catalog.Validation;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// What mapping one file needs: where it is, where warnings go and how IDs are normalized. In a model
/// file (<paramref name="quarantine"/>) a date that is not one is not fatal: it is left unknown and noted
/// in <see cref="Refused"/>, which the importer adds to the record's quarantine.
/// </summary>
internal sealed class MappingContext(string file, string kind, WarningList warnings, StarmapIds ids, bool quarantine = false)
{
    /// <summary>Values of this file left unknown because they could not be read (model files only).</summary>
    public List<QuarantineNote> Refused { get; } = [];

    /// <summary>The file, relative to the catalog folder.</summary>
    public string File => file;

    public StarmapIds Ids => ids;

    public YamlDtoReader Reader { get; } = new(file, kind, warnings);

    public void Warn(string what, long line) => warnings.Add(what, file, line);

    public CatalogFileException Fail(YamlDto dto, string key, string path, string reason) => new(file, dto.LineOf(key), path, reason);

    public string Author(string raw, YamlDto dto, string key) => ids.Entity(raw, "author", file, dto.LineOf(key));

    public string Provider(string raw, YamlDto dto, string key) => ids.Entity(raw, "provider", file, dto.LineOf(key));

    /// <summary>Parses an enum value, or fails naming the key, the value and the accepted names.</summary>
    public T Enum<T>(string text, YamlDto dto, string key, string path) where T : struct, System.Enum =>
        StarmapEnums.TryParse<T>(text, out var value)
            ? value
            : throw Fail(dto, key, path, $"'{StarmapValidationException.Printable(text)}' is not one of {StarmapEnums.Names<T>()}");

    public EquatableArray<T> Enums<T>(List<string> texts, YamlDto dto, string key, string path) where T : struct, System.Enum =>
        texts.Select(t => Enum<T>(t, dto, key, path)).ToEquatableArray();

    public DateOnly? Date(string? text, YamlDto dto, string key, string path)
    {
        if (text is null)
        {
            return null;
        }
        if (StarmapDates.TryParseDate(text, out var date))
        {
            return date;
        }
        if (!quarantine)
        {
            throw Fail(dto, key, path, $"'{StarmapValidationException.Printable(text)}' is not a date (YYYY-MM-DD)");
        }
        Refused.Add(RecordSanitizer.Note(path, text, "is not a date (YYYY-MM-DD)", RecordSanitizer.ImportSource, null));
        Warn($"quarantined '{path}': the value broke a rule and was left unknown with a note", dto.LineOf(key));
        return null;
    }

    public DateTimeOffset? Timestamp(string? text, YamlDto dto, string key, string path) =>
        text is null ? null
        : StarmapDates.TryParseTimestamp(text, out var timestamp) ? timestamp
        : throw Fail(dto, key, path, $"'{StarmapValidationException.Printable(text)}' is not an RFC 3339 timestamp");

    public T Required<T>(T? value, YamlDto dto, string key, string path) where T : class =>
        value ?? throw Fail(dto, key, path, "is required");
}
