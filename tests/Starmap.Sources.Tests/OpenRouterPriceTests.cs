using System.Globalization;
using CsCheck;
using Starmap.Sources;
using Starmap.Sources.Providers;

namespace Starmap.Sources.Tests;

public sealed class OpenRouterPriceTests
{
    [Theory]
    [InlineData("0.0000025", "2.5")]
    [InlineData("0.00000015", "0.15")]
    [InlineData("0.00001", "10")]
    [InlineData("0.000000075", "0.075")]
    [InlineData("0.0000000001", "0.0001")]
    [InlineData("0", "0")]
    [InlineData("0.000003", "3")]
    [InlineData("1e-6", "1")]
    [InlineData("2.5E-7", "0.25")]
    public void Per_token_strings_become_exact_prices_per_million(string perToken, string perMillion)
    {
        var price = OpenRouterPrices.PerMillionTokens(perToken);

        Assert.Equal(decimal.Parse(perMillion, CultureInfo.InvariantCulture), price);
        Assert.Equal(perMillion, price!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("free")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    public void Unknown_or_invalid_prices_are_null(string? perToken) =>
        Assert.Null(OpenRouterPrices.PerMillionTokens(perToken));

    [Fact]
    public void Any_decimal_price_string_converts_without_drift()
    {
        // Prices with up to 12 decimals (sub-micro-dollar per token), as OpenRouter writes them.
        var gen = Gen.Long[0, 999_999_999_999].Select(Gen.Int[0, 12]);
        gen.Sample((units, scale) =>
        {
            var perToken = new decimal(units) / Pow10(scale);
            var text = perToken.ToString(CultureInfo.InvariantCulture);
            var converted = OpenRouterPrices.PerMillionTokens(text);
            return converted == perToken * 1_000_000m && converted / 1_000_000m == perToken;
        }, iter: 2000);
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }
        return result;
    }
}
