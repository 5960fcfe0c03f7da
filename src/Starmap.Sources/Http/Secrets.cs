namespace Starmap.Sources.Http;

/// <summary>Removes a secret from text that leaves the source (messages, warnings, reports).</summary>
internal static class Secrets
{
    public const string Mask = "***";

    // The shortest start of a key that counts as part of it where text was cut: shorter ones are too common.
    private const int MinimumCutPrefix = 6;

    /// <summary>
    /// The text with every whole <paramref name="secret"/> masked, and also a start of it (six characters or
    /// more) left where the text was cut short (at its end, or before "..." or "…"): a cut made before the
    /// masking, anywhere, must not leave half a key.
    /// </summary>
    public static string Scrub(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return text;
        }
        var scrubbed = text.Replace(secret, Mask, StringComparison.Ordinal);
        foreach (var cut in new[] { "...", "\u2026" })
        {
            for (var at = scrubbed.IndexOf(cut, StringComparison.Ordinal); at >= 0; at = scrubbed.IndexOf(cut, at + 1, StringComparison.Ordinal))
            {
                scrubbed = MaskCutPrefix(scrubbed, at, secret, out at);
            }
        }
        return MaskCutPrefix(scrubbed, scrubbed.Length, secret, out _);
    }

    // Masks the longest start of the secret that ends at position end, if it is long enough; next is where end is now.
    private static string MaskCutPrefix(string text, int end, string secret, out int next)
    {
        for (var length = Math.Min(secret.Length - 1, end); length >= MinimumCutPrefix; length--)
        {
            if (string.CompareOrdinal(text, end - length, secret, 0, length) == 0)
            {
                next = end - length + Mask.Length;
                return string.Concat(text.AsSpan(0, end - length), Mask, text.AsSpan(end));
            }
        }
        next = end;
        return text;
    }

    public static string? ScrubOrNull(string? text, string? secret) => text is null ? null : Scrub(text, secret);

    /// <summary>
    /// The first <paramref name="max"/> characters of <paramref name="text"/> with the secret masked first: a
    /// key that the cut went through would no longer be whole, and masking after the cut would miss its half.
    /// </summary>
    public static string Excerpt(string text, int max, string? secret)
    {
        var scrubbed = Scrub(text, secret);
        return scrubbed.Length > max ? scrubbed[..max] + "..." : scrubbed;
    }
}
