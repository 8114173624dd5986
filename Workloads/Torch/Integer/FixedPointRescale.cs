using QuantSim.Datapaths.Numerics;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A real rescale factor as an integer multiplier of 2^−<see cref="Shift"/> (Q23.40): the output stage that
/// adds rescaled terms (a residual addition, a global average) multiplies each term by its multiplier,
/// sums in 128-bit integers, rounds once by the common rule (add half, arithmetic shift) and clamps. Two
/// terms share one shift, so they are rescaled to a common scale before the single rounding.
/// </summary>
public readonly record struct FixedPointRescale(long Multiplier)
{
    /// <summary>Fractional bits of every multiplier.</summary>
    public const int Shift = 40;

    /// <summary>round(factor·2^40); factors must be finite, non-negative and below 2^22.</summary>
    public static FixedPointRescale FromReal(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0 || factor >= (1 << 22))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "a rescale factor must be finite, non-negative and below 2^22");
        }

        return new((long)Rounding.Nearest(Math.ScaleB(factor, Shift)));
    }

    public Int128 Times(long value) => (Int128)value * Multiplier;

    /// <summary>clamp(zero + round(sum·2^−40)) with the common rounding rule, floor(v + 1/2).</summary>
    public static int Code(Int128 sum, int zeroPoint, int min, int max)
    {
        Int128 rounded = (sum + ((Int128)1 << (Shift - 1))) >> Shift;
        Int128 code = rounded + zeroPoint;
        return code < min ? min : code > max ? max : (int)code;
    }
}
