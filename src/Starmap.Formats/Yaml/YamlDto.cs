namespace Starmap.Formats.Yaml;

/// <summary>
/// Base of the classes that mirror Starmap's YAML shapes. Reading records where each mapping and key
/// started, so the mapping layer can report a bad value at its line.
/// </summary>
internal abstract class YamlDto
{
    /// <summary>1-based line where the mapping starts; 0 for a DTO built for writing.</summary>
    public long Line { get; set; }

    /// <summary>Line of each key read.</summary>
    public Dictionary<string, long> KeyLines { get; } = new(StringComparer.Ordinal);

    /// <summary>The line of <paramref name="key"/>, or of the mapping when the key is absent.</summary>
    public long LineOf(string key) => KeyLines.GetValueOrDefault(key, Line);
}

/// <summary>A key with a true / false / null (unknown) value and its line.</summary>
internal sealed record YamlFlag(string Key, bool? Value, long Line);
