using System.Text;

namespace Starmap.Sources.Json;

/// <summary>Recognises an HTML page where JSON was expected (an error page, a login or captive portal).</summary>
internal static class HtmlBody
{
    private const int ExcerptChars = 60;

    /// <summary>True when the first non-blank character (after a BOM) is <c>&lt;</c>: no JSON text starts so.</summary>
    public static bool Is(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            return b == (byte)'<';
        }
        return false;
    }

    /// <summary>The start of the page on one line, control characters replaced, for a message.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, ExcerptChars * 4)]).Trim();
        var line = new StringBuilder(ExcerptChars);
        foreach (var c in text)
        {
            if (line.Length == ExcerptChars)
            {
                line.Append("...");
                break;
            }
            line.Append(char.IsControl(c) ? ' ' : c);
        }
        return line.ToString();
    }
}
