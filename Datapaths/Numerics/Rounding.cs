namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The one rounding rule of every quantizer and output stage: to nearest, ties toward +∞
/// (<c>floor(v + 1/2)</c>). It is the rule an "add half, then arithmetic shift right" implements, the
/// cheapest rounding in hardware, and the rule TorchSharp fake quantization applies (<c>floor(x + 0.5)</c>),
/// so a float quantizer and the integer output stage produce the same code for the same real value.
/// </summary>
public static class Rounding
{
    /// <summary>floor(v + 1/2).</summary>
    public static double Nearest(double value) => Math.Floor(value + 0.5);

    /// <summary>
    /// value / 2^shift rounded by the same rule, exactly, for any long (no intermediate overflow): the
    /// truncating shift plus the first discarded bit.
    /// </summary>
    public static long ShiftRightNearest(long value, int shift)
    {
        if (shift is < 0 or > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "shift must be in [0, 63]");
        }

        return shift == 0 ? value : (value >> shift) + ((value >> (shift - 1)) & 1);
    }

    /// <summary>
    /// The same rule for a 128-bit value (the rescale product of an accumulator wider than 32 bits and a
    /// 32-bit multiplier needs up to 96 bits).
    /// </summary>
    public static Int128 ShiftRightNearest(Int128 value, int shift)
    {
        if (shift is < 0 or > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "shift must be in [0, 127]");
        }

        return shift == 0 ? value : (value >> shift) + ((value >> (shift - 1)) & 1);
    }
}
