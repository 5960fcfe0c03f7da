using System.Globalization;

namespace Starmap.Catalog.Validation;

/// <summary>
/// Characters display text may not hold. A name is one line: no control character at all (a tab or a
/// newline breaks tables and logs). A description may span lines, so tab, CR and LF are allowed there,
/// but no other control character. Neither may hold a bidirectional control (U+202E and its kin), which
/// reorders the text around it and makes a name read as something else.
/// </summary>
internal static class TextChecks
{
    /// <summary>Why <paramref name="value"/> is not a one-line display text, or null when it is one.</summary>
    public static string? NameProblem(string value) => Problem(value, multiline: false);

    /// <summary>Why <paramref name="value"/> is not a display text that may span lines, or null when it is one.</summary>
    public static string? DescriptionProblem(string value) => Problem(value, multiline: true);

    private static string? Problem(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return "contains a control character";
            }
            if (IsBidiControl(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"contains a bidirectional control character (U+{(int)c:X4})");
            }
        }
        return null;
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
