namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The gemmlowp / TFLite fixed-point primitives, bit for bit (gemmlowp <c>fixedpoint/fixedpoint.h</c>,
/// TFLite <c>kernels/internal/common.h</c> <c>MultiplyByQuantizedMultiplier</c>, double-rounding build,
/// i.e. without <c>TFLITE_SINGLE_ROUNDING</c>). Pure integer code: no floating point anywhere.
/// </summary>
public static class Gemmlowp
{
    /// <summary>
    /// round(a*b / 2^31), saturating the single overflow case
    /// INT32_MIN*INT32_MIN (whose true value 2^31 does not fit) to INT32_MAX. Same as ARM VQRDMULH.
    /// Ties go toward +infinity, not away from zero: the nudge is 2^30 for a non-negative product and
    /// 1 − 2^30 for a negative one, and the division truncates, so −0.5 becomes 0 and −1.5 becomes −1.
    /// </summary>
    public static int SaturatingRoundingDoublingHighMul(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue)
        {
            return int.MaxValue;
        }

        long ab = (long)a * b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        // C# '/' on long truncates toward zero exactly like the C reference; the quotient fits int32.
        return (int)((ab + nudge) / (1L << 31));
    }

    /// <summary>x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31].</summary>
    public static int RoundingDivideByPot(int x, int exponent)
    {
        if (exponent is < 0 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "exponent must be in [0, 31]");
        }

        // The mask is formed in 64 bits so exponent 31 does not overflow; values stay within int32.
        long mask = (1L << exponent) - 1;
        long remainder = x & mask;
        long threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /// <summary>
    /// x * M0 * 2^shift / 2^31 as TFLite computes it: a left shift for shift &gt; 0, the doubling high
    /// multiply, then a rounding right shift for shift &lt; 0. The left shift is done in 64 bits and
    /// saturated to int32 (the C reference has undefined behaviour there; saturation is what a
    /// hardware shifter with a saturating output stage does).
    /// </summary>
    public static int MultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
    {
        if (shift is < -31 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "shift must be in [-31, 30]");
        }

        int left = Math.Max(shift, 0);
        int right = Math.Max(-shift, 0);
        int shifted = SaturateToInt32((long)x << left);
        return RoundingDivideByPot(SaturatingRoundingDoublingHighMul(shifted, multiplier), right);
    }

    public static int SaturateToInt32(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
