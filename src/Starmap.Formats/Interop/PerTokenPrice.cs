using System.Globalization;

namespace Starmap.Formats.Interop;

/// <summary>
/// Prices as OpenRouter-style APIs spell them: USD per token as a decimal string. The catalog holds
/// USD per 1M tokens; dividing a decimal by 1,000,000 is exact, and the text has no exponent and no
/// trailing zeros (2.5 per 1M → "0.0000025", 10 → "0.00001", 0 → "0"). Exact for prices with up to
/// 22 decimal places per 1M; decimal keeps 28.
/// </summary>
public static class PerTokenPrice
{
    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>USD per token, as text, for a price in USD per 1M tokens.</summary>
    public static string FromPerMillion(decimal perMillion) => Format(perMillion / TokensPerMillion);

    /// <summary>Invariant decimal text without exponent or trailing zeros.</summary>
    public static string Format(decimal value) =>
        // Dividing by 1 at the largest scale yields the smallest scale that still holds the value.
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
