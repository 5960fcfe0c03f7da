using System.Globalization;

namespace Starmap.Formats;

/// <summary>
/// A catalog file could not be read: bad YAML, a value of the wrong type, an invalid ID or a record
/// that fails validation. Names the file (relative to the catalog folder), the line and what was wrong.
/// </summary>
[GenerateSerializer, Alias("starmap.catalog-file-error")]
public sealed class CatalogFileException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public CatalogFileException() { }

    /// <summary>Creates the error with a message.</summary>
    public CatalogFileException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public CatalogFileException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/>.</summary>
    public CatalogFileException(string file, long? line, string? field, string reason, Exception? innerException = null)
        : base(Describe(file, line, field, reason), innerException!)
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file, relative to the catalog folder, with <c>/</c> separators.</summary>
    [Id(0)] public string File { get; private set; } = "";

    /// <summary>1-based line of the offending node, or null when the file as a whole is at fault.</summary>
    [Id(1)] public long? Line { get; private set; }

    /// <summary>The key path in the file (e.g. <c>pricing.tokens.input.per_1m</c>) or the record field.</summary>
    [Id(2)] public string? Field { get; private set; }

    /// <summary>What was wrong.</summary>
    [Id(3)] public string Reason { get; private set; } = "";

    private static string Describe(string file, long? line, string? field, string reason)
    {
        var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{file}:{l}") : file;
        return field is null ? $"{where}: {reason}" : $"{where}: {field}: {reason}";
    }
}
