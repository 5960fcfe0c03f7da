using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Starmap.Formats.Yaml;

/// <summary>
/// How plain YAML scalars are typed (YAML 1.2 core schema) and how values are written back so that
/// no string reads as another type.
/// </summary>
internal static class YamlScalars
{
    private static readonly HashSet<string> NullWords = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    // YAML 1.1 readers (Go's yaml.v2, PyYAML) also take these as booleans, so strings equal to them are quoted.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    /// <summary>True for an untagged plain scalar that means null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && NullWords.Contains(scalar.Value ?? "");

    public static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool TryLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Decimals accept exponents (<c>5e-05</c>) because Starmap's Go writer emits them.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A string node, double-quoted when plain text would read as null, a boolean, a number or a date.</summary>
    public static YamlScalarNode Text(string value) => new(value) { Style = NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };

    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Bool(bool value) => Plain(value ? "true" : "false");

    public static YamlScalarNode Number(long value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Without trailing zeros, never with an exponent: 10.00 → 10, 0.0000025 → 0.0000025.</summary>
    public static YamlScalarNode Number(decimal value) => Plain(Format(value));

    public static YamlScalarNode Number(double value) => Plain(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A decimal without trailing zeros or exponent.</summary>
    public static string Format(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || ReservedWords.Contains(value))
        {
            return true;
        }
        // Numbers, dates and timestamps all start with a digit, a sign or a dot; .inf and .nan too.
        var first = value[0];
        if (char.IsAsciiDigit(first) || first is '-' or '+' or '.')
        {
            return true;
        }
        return char.IsWhiteSpace(value[^1]) || char.IsWhiteSpace(first) || value.Any(c => char.IsControl(c));
    }
}
