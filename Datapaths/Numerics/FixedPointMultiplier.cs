namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// A real rescale factor M stored as an int32 Q0.31 mantissa and a power-of-two exponent:
/// M ≈ <see cref="Multiplier"/> · 2^(<see cref="Shift"/> − 31). Built once per layer (or channel)
/// from the float scales; everything after that is integer.
/// </summary>
public readonly record struct FixedPointMultiplier(int Multiplier, int Shift)
{
    /// <summary>
    /// TFLite <c>QuantizeMultiplier</c>: frexp, round the mantissa half away from zero to 31 bits,
    /// renormalise a mantissa that rounded up to 2^31, flush factors below 2^-31 to zero. Shifts above
    /// 30 (factors of 2^30 and more) are refused, as in TFLite.
    /// </summary>
    public static FixedPointMultiplier FromReal(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "a rescale factor must be finite and non-negative");
        }

        if (factor == 0)
        {
            return new(0, 0);
        }

        // frexp: factor = q * 2^shift with q in [0.5, 1).
        int shift = Math.ILogB(factor) + 1;
        double q = Math.ScaleB(factor, -shift);
        long mantissa = (long)Math.Round(Math.ScaleB(q, 31), MidpointRounding.AwayFromZero);
        if (mantissa == 1L << 31)
        {
            mantissa /= 2;
            shift++;
        }

        if (shift < -31)
        {
            return new(0, 0);
        }

        if (shift > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "rescale factor is 2^30 or larger; no int32 multiplier can express it");
        }

        return new((int)mantissa, shift);
    }

    /// <summary>
    /// accumulator · M0 · 2^(shift − 31) with a single rounding: one 32 x 32-bit multiply, then a rounding
    /// right shift by 31 − shift (TFLite's <c>MultiplyByQuantizedMultiplier</c> built with
    /// <c>TFLITE_SINGLE_ROUNDING</c>, kernels/internal/common.h). The result can exceed int32 for a factor
    /// above 1; the output stage saturates it.
    /// </summary>
    public long Apply(int accumulator) => Rounding.ShiftRightNearest((long)accumulator * Multiplier, 31 - Shift);

    /// <summary>
    /// The same single rounding for an accumulator of up to 64 bits (an A x 32-bit multiply, A + 32-bit
    /// rounding add and shift): for any value that fits an int it is <see cref="Apply(int)"/> exactly.
    /// </summary>
    public Int128 Apply(long accumulator) => Rounding.ShiftRightNearest((Int128)accumulator * Multiplier, 31 - Shift);
}
