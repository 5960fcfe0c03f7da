using System.Globalization;

namespace Starmap.Sources.Providers;

/// <summary>
/// OpenRouter prices are USD per token as decimal strings ("0.0000025"). They are parsed as
/// <see cref="decimal"/> and multiplied by 1,000,000 exactly, never through <see cref="double"/>,
/// so "0.00000015" is 0.15 per 1M and not 0.15000000000000002.
/// </summary>
public static class OpenRouterPrices
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// USD per 1M tokens for a per-token price string; null for absent, empty, "-1" (OpenRouter's
    /// "varies / unknown") or text that is not a non-negative number.
    /// </summary>
    public static decimal? PerMillionTokens(string? perToken) =>
        Parse(perToken) is { } price ? Normalize(price * 1_000_000m) : null;

    /// <summary>A flat price (per request, per image) as it is; same unknown rules.</summary>
    public static decimal? Flat(string? price) => Parse(price) is { } value ? Normalize(value) : null;

    /// <summary>True when <paramref name="text"/> is present but not a price (worth a warning).</summary>
    public static bool IsMalformed(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim() != "-1" && Parse(text) is null;

    private static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (text == "-1")
        {
            return null;
        }
        try
        {
            return decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // 0.00000250 * 1e6 keeps the input's scale (2.50000000); dividing by 1.000...0 drops trailing zeros
    // without changing the value, so prices print as 2.5.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
