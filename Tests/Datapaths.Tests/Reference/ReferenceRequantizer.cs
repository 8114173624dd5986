using System.Numerics;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>
/// An independent, deliberately naive requantization reference: exact rational arithmetic on
/// BigInteger with the rounding rule written out as a definition, no bit tricks. It implements the
/// documented semantics so the production bit-twiddling can be compared against it: one rounding of
/// x·M0·2^(shift − 31) to nearest, ties toward +∞ (TFLite's single-rounding MultiplyByQuantizedMultiplier).
/// </summary>
public static class ReferenceRequantizer
{
    /// <summary>num/den rounded to nearest, exact ties going toward +infinity (den &gt; 0): floor((2·num + den) / (2·den)).</summary>
    public static BigInteger RoundHalfUp(BigInteger num, BigInteger den)
    {
        var n = 2 * num + den;
        var d = 2 * den;
        var q = BigInteger.DivRem(n, d, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    public static BigInteger Clamp(BigInteger v, BigInteger lo, BigInteger hi) => v < lo ? lo : v > hi ? hi : v;

    /// <summary>Single rounding: floor(x·M0 / 2^(31 − shift) + 1/2), as an exact rational.</summary>
    public static long MultiplyByQuantizedMultiplier(int x, int m0, int shift) =>
        (long)RoundHalfUp((BigInteger)x * m0, BigInteger.Pow(2, 31 - shift));

    /// <summary>(q, e) with v = q·2^e and q in [0.5, 1), by halving and doubling (exact for a double).</summary>
    public static (double Q, int E) Normalize(double v)
    {
        int e = 0;
        double q = v;
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

        return (q, e);
    }

    public static (int M0, int Shift) QuantizeMultiplier(double factor)
    {
        if (factor == 0)
        {
            return (0, 0);
        }

        var (q, e) = Normalize(factor);

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
