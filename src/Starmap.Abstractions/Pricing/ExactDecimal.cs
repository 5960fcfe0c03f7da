using System.Numerics;

namespace Starmap;

/// <summary>
/// Products and sums of decimals done exactly (in integers), then written back as a decimal only when it
/// holds the exact value. Decimal arithmetic alone rounds silently once a result needs more than 28
/// significant digits (a price with many digits times a large count), and a cost must never be rounded
/// without saying so.
/// </summary>
internal static class ExactDecimal
{
    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;

    /// <summary><paramref name="count"/> × <paramref name="price"/> ÷ 10^<paramref name="shift"/>, or null when no decimal holds it exactly.</summary>
    public static decimal? Product(long count, decimal price, int shift)
    {
        var (mantissa, scale) = Parts(price);
        return ToDecimal(mantissa * count, scale + shift);
    }

    /// <summary>The sum of <paramref name="values"/>, or null when no decimal holds it exactly.</summary>
    public static decimal? Sum(IEnumerable<decimal> values)
    {
        var total = BigInteger.Zero;
        var totalScale = 0;
        foreach (var value in values)
        {
            var (mantissa, scale) = Parts(value);
            if (scale > totalScale)
            {
                total *= BigInteger.Pow(10, scale - totalScale);
                totalScale = scale;
            }
            total += mantissa * BigInteger.Pow(10, totalScale - scale);
        }
        return ToDecimal(total, totalScale);
    }

    private static (BigInteger Mantissa, int Scale) Parts(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (value < 0 ? -mantissa : mantissa, value.Scale);
    }

    private static decimal? ToDecimal(BigInteger mantissa, int scale)
    {
        // Trailing zeros carry no value: drop them so the number fits where it can.
        while (scale > 0 && !mantissa.IsZero && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            scale--;
        }
        if (mantissa.IsZero)
        {
            return 0m;
        }
        var magnitude = BigInteger.Abs(mantissa);
        if (scale > 28 || magnitude > MaxMantissa)
        {
            return null;
        }
        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)(magnitude >> 64);
        return new decimal(lo, mid, hi, mantissa.Sign < 0, (byte)scale);
    }
}
