using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The dequantizer of one per-tensor operand in the dequantize forms: code q to the fixed-point value
/// <code>
/// d(q) = round((q − z)·m / 2^sh)          rounding to nearest, ties toward +∞ (add 2^(sh−1), shift)
/// </code>
/// a signed <see cref="Bits"/>-bit integer worth d·2^−f of real value (f = <see cref="FractionalBits"/>).
/// The scale s = frac·2^e (frac in [0.5, 1)) is stored as its D-bit mantissa m = round(frac·2^D) in
/// [2^(D−1), 2^D) (renormalised when it rounds up to 2^D), and sh is the smallest shift that keeps every
/// code's value inside D bits: the least sh ≥ 0 with r·m ≤ (2^(D−1) − 1)·2^sh, r = max|q − z| over the
/// codes. So |d| never exceeds 2^(D−1) − 1 (no saturation), f = D − e − sh, and s·(q − z) ≈ d·2^−f with the
/// error of rounding s to D significant bits and of the final rounding: the loss a dequantizing PE has.
/// </summary>
public sealed record FixedPointDequantizer(int Bits, int ZeroPoint, int Mantissa, int Shift, int FractionalBits)
{
    public static FixedPointDequantizer Of(double scale, int zeroPoint, CodeRange codes, int bits)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "a scale must be finite and positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 30);
        int exponent = Math.ILogB(scale) + 1;
        long mantissa = (long)Math.Round(Math.ScaleB(Math.ScaleB(scale, -exponent), bits), MidpointRounding.AwayFromZero);
        if (mantissa == 1L << bits)
        {
            mantissa >>= 1;
            exponent++;
        }

        long range = Math.Max(1, Math.Max(Math.Abs((long)codes.Min - zeroPoint), Math.Abs((long)codes.Max - zeroPoint)));
        long limit = (1L << (bits - 1)) - 1;
        int shift = 0;
        while (range * mantissa > limit << shift)
        {
            shift++;
        }

        return new(bits, zeroPoint, (int)mantissa, shift, bits - exponent - shift);
    }

    /// <summary>d(q) = round((q − z)·m / 2^sh).</summary>
    public int Apply(int code) => (int)Rounding.ShiftRightNearest((long)(code - ZeroPoint) * Mantissa, Shift);
}
