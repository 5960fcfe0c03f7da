using Starmap.Catalog.Validation;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// What mapping one file needs: where it is, where warnings go and how IDs are normalized. In a model
/// file (<paramref name="quarantine"/>) a value of the right type that breaks a rule (a date that is not
/// one, a name that is none of an enum's) is not fatal: it is left unknown and noted in <see cref="Refused"/>,
/// which the importer adds to the record's quarantine, as the sync does. A value of the wrong type (a list
/// where text belongs, quoted text where a number does) still fails: the file is not in the format.
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
        Refuse(text, "is not a date (YYYY-MM-DD)", dto, key, path);
        return null;
    }

    /// <summary>An enum value that may be refused: in a model file a name that is none of <typeparamref name="T"/>'s is left unknown with a note.</summary>
    public T? KnownEnum<T>(string? text, YamlDto dto, string key, string path) where T : struct, System.Enum
    {
        if (text is null)
        {
            return null;
        }
        if (StarmapEnums.TryParse<T>(text, out var value))
        {
            return value;
        }
        Refuse(text, $"is not one of {StarmapEnums.Names<T>()}", dto, key, path);
        return null;
    }

    /// <summary>
    /// A list of enum values that may be refused: in a model file one name that is none of
    /// <typeparamref name="T"/>'s leaves the whole list unknown with a note (a shortened list would claim
    /// less than the file says).
    /// </summary>
    public EquatableArray<T>? KnownEnums<T>(List<string>? texts, YamlDto dto, string key, string path) where T : struct, System.Enum
    {
        if (texts is null)
        {
            return null;
        }
        var values = new List<T>(texts.Count);
        foreach (var text in texts)
        {
            if (!StarmapEnums.TryParse<T>(text, out var value))
            {
                Refuse(text, $"is not one of {StarmapEnums.Names<T>()}", dto, key, path);
                return null;
            }
            values.Add(value);
        }
        return values.ToEquatableArray();
    }

    /// <summary>A timestamp that may be refused (in a model file, left unknown with a note).</summary>
    public DateTimeOffset? Timestamp(string? text, YamlDto dto, string key, string path)
    {
        if (text is null)
        {
            return null;
        }
        if (StarmapDates.TryParseTimestamp(text, out var timestamp))
        {
            return timestamp;
        }
        Refuse(text, "is not an RFC 3339 timestamp", dto, key, path);
        return null;
    }

    /// <summary>A timestamp the record cannot do without: never refused, always checked.</summary>
    public DateTimeOffset RequiredTimestamp(string? text, YamlDto dto, string key, string path)
    {
        var required = Required(text, dto, key, path);
        return StarmapDates.TryParseTimestamp(required, out var timestamp)
            ? timestamp
            : throw Fail(dto, key, path, $"'{StarmapValidationException.Printable(required)}' is not an RFC 3339 timestamp");
    }

    public T Required<T>(T? value, YamlDto dto, string key, string path) where T : class =>
        value ?? throw Fail(dto, key, path, "is required");

    /// <summary>Outside model files a refused value fails the import; inside them it is noted and left unknown.</summary>
    private void Refuse(string text, string reason, YamlDto dto, string key, string path)
    {
        if (!quarantine)
        {
            throw Fail(dto, key, path, $"'{StarmapValidationException.Printable(text)}' {reason}");
        }
        Refused.Add(RecordSanitizer.Note(path, text, reason, RecordSanitizer.ImportSource, null));
        Warn($"quarantined '{path}': the value broke a rule and was left unknown with a note", dto.LineOf(key));
    }
}
