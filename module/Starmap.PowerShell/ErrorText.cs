using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Error messages echo what the user typed (IDs, paths, filters). Control characters (NUL, newlines),
/// format characters (U+202E right-to-left override, U+2066–U+2069 isolates, zero-width joiners) and
/// line/paragraph separators in them are shown as <c>\uXXXX</c>, so an error can neither forge lines in a
/// console or transcript nor reorder the text around it.
/// </summary>
internal static class ErrorText
{
    /// <summary><paramref name="value"/> with every such character written as <c>\uXXXX</c>.</summary>
    public static string Escape(string value)
    {
        StringBuilder? text = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                text ??= new StringBuilder(value, 0, i, value.Length + 16);
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text?.Append(c);
            }
        }
        return text?.ToString() ?? value;
    }

    /// <summary>The record, showing its message escaped when the message holds such characters (the exception keeps the original).</summary>
    public static ErrorRecord Shown(ErrorRecord record)
    {
        var message = record.Exception.Message;
        var escaped = Escape(message);
        if (!ReferenceEquals(escaped, message))
        {
            record.ErrorDetails = new ErrorDetails(escaped);
        }
        return record;
    }
}
