using System.Text;

namespace Starmap.Fuzz.Tests;

/// <summary>What part of the surface a request probes; each kind has its own expectations.</summary>
internal enum FuzzKind
{
    /// <summary>A documented route with generated parameters, headers and body.</summary>
    Route,
    /// <summary>A route path with hostile segments, or a path outside the document.</summary>
    Path,
    /// <summary>A route that takes (or does not take) a body, with a random or malformed one.</summary>
    Body,
    /// <summary>A request Kestrel itself must refuse: NUL in the target, a URL or headers over its limits.</summary>
    Limit,
    /// <summary>Bytes that are not valid HTTP/1.1 at all: only "no 5xx, no hang" is expected.</summary>
    Malformed,
}

/// <summary>One generated request: everything needed to write its bytes and to judge its answer.</summary>
internal sealed record FuzzRequest
{
    public required int Index { get; init; }

    public required FuzzKind Kind { get; init; }

    public required string Method { get; init; }

    /// <summary>The request target exactly as sent (already encoded).</summary>
    public required string Target { get; init; }

    /// <summary>The documented operation it was generated from, if any.</summary>
    public ApiOperation? Operation { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>False when the generator writes its own framing (Content-Length, Transfer-Encoding).</summary>
    public bool AddContentLength { get; init; } = true;

    /// <summary>Replaces the whole request (malformed HTTP); null builds it from the parts.</summary>
    public byte[]? Raw { get; init; }

    public bool HasValidKey { get; init; }

    public byte[] ToBytes(int port)
    {
        if (Raw is not null)
        {
            return Raw;
        }
        var head = new StringBuilder();
        head.Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: 127.0.0.1:").Append(port).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (AddContentLength && (Body.Length > 0 || Method is "POST" or "PUT" or "PATCH"))
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        return [.. bytes, .. Body];
    }

    /// <summary>A one-line description for failure messages (long targets and bodies cut).</summary>
    public string Describe()
    {
        var target = Target.Length > 160 ? Target[..160] + $"...({Target.Length} chars)" : Target;
        var text = $"#{Index} {Kind} {Printable(Method)} {Printable(target)}";
        var interesting = Headers.Where(h => h.Name is not ("Authorization" or "X-Api-Key")).Select(h => $"{h.Name}: {Cut(h.Value, 40)}");
        if (Headers.Any(h => h.Name is "Authorization" or "X-Api-Key"))
        {
            text += HasValidKey ? " [key]" : " [wrong key]";
        }
        var headers = string.Join("; ", interesting);
        if (headers.Length > 0)
        {
            text += " {" + Printable(Cut(headers, 200)) + "}";
        }
        if (Body.Length > 0)
        {
            text += $" body({Body.Length}): " + Printable(Cut(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200)), 80));
        }
        if (Raw is not null)
        {
            text += " raw: " + Printable(Cut(Encoding.Latin1.GetString(Raw, 0, Math.Min(Raw.Length, 200)), 120));
        }
        return text;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] + "..." : text;

    /// <summary>Control and bidi characters as \uXXXX, so a message shows exactly what was sent.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u202E' or '\u202D' or '\u200B' or '\uFEFF' or (>= '\u2066' and <= '\u2069'))
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
