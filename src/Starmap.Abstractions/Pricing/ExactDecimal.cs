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
        // Fast path (every real price): a mantissa under 2^32 times a count under 2^63 fits a decimal's 96
        // bits, and moving the point by shift places is exact while the scale stays within 28.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        if (bits[1] == 0 && bits[2] == 0 && price.Scale + shift <= 28 && count >= 0)
        {
            var product = count * price;
            return shift == 0 ? Trim(product) : Trim(product / Pow10(shift));
        }
        var (mantissa, scale) = Parts(price);
        return ToDecimal(mantissa * count, scale + shift);
    }

    /// <summary>The sum of <paramref name="values"/>, or null when no decimal holds it exactly.</summary>
    public static decimal? Sum(IReadOnlyList<decimal> values)
    {
        // Fast path: decimal addition rounds only by giving up scale, so a sum that keeps the largest scale
        // of its terms is exact.
        var sum = 0m;
        var largest = 0;
        try
        {
            foreach (var value in values)
            {
                sum += value;
                largest = Math.Max(largest, value.Scale);
            }
            if (sum.Scale == largest)
            {
                return Trim(sum);
            }
        }
        catch (OverflowException)
        {
            // past decimal's range: the exact sum below says null
        }
        return ExactSum(values);
    }

    private static decimal? ExactSum(IReadOnlyList<decimal> values)
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

    private static decimal Pow10(int power)
    {
        var value = 1m;
        for (var i = 0; i < power; i++)
        {
            value *= 10;
        }
        return value;
    }

    /// <summary>The same value without trailing zeros (0.0060 → 0.006).</summary>
    private static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

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
