using System.Text;
using Starmap.Sources.Http;

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

    /// <summary>
    /// The start of the page on one line, control characters replaced, for a message; <paramref name="secret"/>
    /// (a key the page echoes) is masked before the cut, so no part of it is left.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<byte> body, string? secret)
    {
        // Enough bytes for the excerpt and a key that starts within it, so the whole key is there to be masked.
        var take = Math.Min(body.Length, (ExcerptChars + (secret?.Length ?? 0)) * 4);
        var text = Secrets.Scrub(Encoding.UTF8.GetString(body[..take]), secret).Trim();
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
