using System.Numerics;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>
/// An independent, deliberately naive requantization reference: exact rational arithmetic on
/// BigInteger with the rounding rules written out as definitions, no bit tricks. It implements the
/// documented TFLite semantics so the production bit-twiddling can be compared against it: double
/// rounding; the high multiply rounds ties toward +infinity (gemmlowp's nudge 1 − 2^30 for negative
/// products followed by C's truncating division does exactly that); the power-of-two divide rounds ties
/// away from zero; INT32_MIN² saturates.
/// </summary>
public static class ReferenceRequantizer
{
    private static readonly BigInteger Int32Min = int.MinValue;
    private static readonly BigInteger Int32Max = int.MaxValue;

    /// <summary>num/den rounded to nearest, exact ties going away from zero (den &gt; 0).</summary>
    public static BigInteger RoundHalfAwayFromZero(BigInteger num, BigInteger den)
    {
        var magnitude = BigInteger.Abs(num);
        var quotient = BigInteger.DivRem(magnitude, den, out var remainder);
        if (remainder * 2 >= den)
        {
            quotient += 1;
        }

        return num.Sign < 0 ? -quotient : quotient;
    }

    /// <summary>num/den rounded to nearest, exact ties going toward +infinity (den &gt; 0): floor((2·num + den) / (2·den)).</summary>
    public static BigInteger RoundHalfUp(BigInteger num, BigInteger den)
    {
        var n = 2 * num + den;
        var d = 2 * den;
        var q = BigInteger.DivRem(n, d, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    public static BigInteger Clamp(BigInteger v, BigInteger lo, BigInteger hi) => v < lo ? lo : v > hi ? hi : v;

    /// <summary>round(a·b / 2^31) with ties toward +infinity, saturated to int32 (only INT32_MIN² exceeds it).</summary>
    public static int Srdhm(int a, int b) =>
        (int)Clamp(RoundHalfUp((BigInteger)a * b, BigInteger.Pow(2, 31)), Int32Min, Int32Max);

    /// <summary>round(x / 2^e), ties away from zero.</summary>
    public static int Rdbpot(int x, int exponent) => (int)RoundHalfAwayFromZero(x, BigInteger.Pow(2, exponent));

    public static int MultiplyByQuantizedMultiplier(int x, int m0, int shift)
    {
        int left = Math.Max(shift, 0), right = Math.Max(-shift, 0);
        int pre = (int)Clamp((BigInteger)x * BigInteger.Pow(2, left), Int32Min, Int32Max);
        return Rdbpot(Srdhm(pre, m0), right);
    }

    /// <summary>
    /// TFLite QuantizeMultiplier written from its definition: find e with factor/2^e in [0.5, 1) by
    /// doubling/halving (exact in binary floating point), M0 = round_half_away(factor/2^e · 2^31),
    /// renormalise 2^31, flush tiny factors.
    /// </summary>
    public static (int M0, int Shift) QuantizeMultiplier(double factor)
    {
        if (factor == 0)
        {
            return (0, 0);
        }

        int e = 0;
        double q = factor;
        while (q >= 1)
        {
            q /= 2;
            e++;
        }

        while (q < 0.5)
        {
            q *= 2;
            e--;
        }

        // q·2^31 is exact in double (a power-of-two scaling); round it as a decimal to avoid any float rounding.
        decimal scaled = (decimal)q * 2147483648m;
        long m0 = (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
        if (m0 == 1L << 31)
        {
            m0 /= 2;
            e++;
        }

        return e < -31 ? (0, 0) : ((int)m0, e);
    }
}
