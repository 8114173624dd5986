namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// An IEEE 754 binary floating-point format: 1 sign bit, <see cref="ExponentBits"/> biased exponent bits and
/// <see cref="MantissaBits"/> stored significand bits, with subnormals, signed zeros, infinities and NaN.
/// Values travel as their bit patterns (the low <see cref="Bits"/> bits of an int or long), as they would in
/// a register. <see cref="Round"/> is round-to-nearest, ties to even (IEEE's default), from a double that
/// holds the exact value to be rounded: every product of two values of these formats, and every sum of two
/// fp16 values, is exact in a double, so one rounding there is the one rounding the hardware does.
/// </summary>
public sealed record FloatFormat(string Name, int ExponentBits, int MantissaBits)
{
    /// <summary>IEEE binary16.</summary>
    public static FloatFormat Fp16 { get; } = new("fp16", 5, 10);

    /// <summary>bfloat16: binary32's exponent with a 7-bit stored significand.</summary>
    public static FloatFormat Bf16 { get; } = new("bf16", 8, 7);

    /// <summary>IEEE binary32.</summary>
    public static FloatFormat Fp32 { get; } = new("fp32", 8, 23);

    public static IReadOnlyList<FloatFormat> All { get; } = [Fp16, Bf16, Fp32];

    /// <summary>The format named <paramref name="name"/> (fp16, bf16, fp32).</summary>
    public static FloatFormat Of(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"unknown float format '{name}'; allowed: {string.Join(", ", All.Select(f => f.Name))}", nameof(name));

    public int Bits => 1 + ExponentBits + MantissaBits;

    /// <summary>Significand precision p, the hidden bit included.</summary>
    public int Precision => MantissaBits + 1;

    private int Bias => (1 << (ExponentBits - 1)) - 1;

    /// <summary>Exponent of the smallest normal value, 1 − bias.</summary>
    public int MinExponent => 1 - Bias;

    /// <summary>Exponent of the largest finite value.</summary>
    public int MaxExponent => Bias;

    private long ExponentMask => (1L << ExponentBits) - 1;

    private long MantissaMask => (1L << MantissaBits) - 1;

    private long SignBit => 1L << (Bits - 1);

    /// <summary>The largest finite value, (2 − 2^−m)·2^emax.</summary>
    public double MaxFinite => Math.ScaleB(2.0 - Math.ScaleB(1.0, -MantissaBits), MaxExponent);

    /// <summary>The value of bit pattern <paramref name="bits"/> (its low <see cref="Bits"/> bits).</summary>
    public double ToDouble(long bits)
    {
        bool negative = (bits & SignBit) != 0;
        long exponent = (bits >> MantissaBits) & ExponentMask;
        long mantissa = bits & MantissaMask;
        double magnitude;
        if (exponent == ExponentMask)
        {
            magnitude = mantissa == 0 ? double.PositiveInfinity : double.NaN;
        }
        else if (exponent == 0)
        {
            magnitude = Math.ScaleB(mantissa, MinExponent - MantissaBits);
        }
        else
        {
            magnitude = Math.ScaleB(mantissa | (1L << MantissaBits), (int)exponent - Bias - MantissaBits);
        }

        return negative ? -magnitude : magnitude;
    }

    /// <summary>
    /// The bit pattern of <paramref name="value"/> rounded to this format: to nearest, ties to even; beyond the
    /// largest finite value (after rounding) to ±∞; NaN to the quiet NaN with the sign bit clear.
    /// </summary>
    public long Round(double value)
    {
        if (double.IsNaN(value))
        {
            return (ExponentMask << MantissaBits) | (1L << (MantissaBits - 1));
        }

        long sign = double.IsNegative(value) ? SignBit : 0;
        double magnitude = Math.Abs(value);
        if (magnitude == 0)
        {
            return sign;
        }

        if (double.IsInfinity(magnitude))
        {
            return sign | (ExponentMask << MantissaBits);
        }

        // The spacing of representable values around the magnitude: 2^(e − m) for a normal e, the subnormal
        // spacing 2^(emin − m) below. Dividing by a power of two is exact, and the quotient is below 2^(m+2),
        // so Math.Round rounds the exact quotient.
        int exponent = Math.Max(Math.ILogB(magnitude), MinExponent);
        double units = Math.Round(Math.ScaleB(magnitude, MantissaBits - exponent), MidpointRounding.ToEven);
        double rounded = Math.ScaleB(units, exponent - MantissaBits);
        if (rounded > MaxFinite)
        {
            return sign | (ExponentMask << MantissaBits);
        }

        return sign | Encode(rounded);
    }

    /// <summary>The bit pattern of a positive value representable in this format.</summary>
    private long Encode(double representable)
    {
        int exponent = Math.ILogB(representable);
        if (exponent < MinExponent)
        {
            return (long)Math.ScaleB(representable, MantissaBits - MinExponent);
        }

        long significand = (long)Math.ScaleB(representable, MantissaBits - exponent);
        return ((long)(exponent + Bias) << MantissaBits) | (significand & MantissaMask);
    }

    /// <summary>Whether <paramref name="bits"/> is a NaN pattern.</summary>
    public bool IsNaN(long bits) => ((bits >> MantissaBits) & ExponentMask) == ExponentMask && (bits & MantissaMask) != 0;

    public override string ToString() => Name;
}
