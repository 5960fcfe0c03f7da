namespace Starmap.Formats.Yaml;

/// <summary>The YAML key a DTO property maps to. Properties without it are not part of the file.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class YamlKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>Write the text unquoted (dates, timestamps, durations), as Starmap does, so other YAML readers type it.</summary>
    public bool Plain { get; init; }

    /// <summary>A list written as a single mapping when it has one item (and read from either form).</summary>
    public bool OneOrMany { get; init; }
}

/// <summary>
/// Marks a <c>List&lt;YamlFlag&gt;</c> property that receives every key no other property names,
/// each with a true / false / null value (Starmap writes feature flags beside <c>modalities</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class YamlRestAttribute : Attribute;
