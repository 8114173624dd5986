namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// Power-of-two rescaling for plain fixed point: a rounding arithmetic right shift
/// (<see cref="Rounding.ShiftRightNearest(long, int)"/>) or, for a negative shift, a left shift. Works on the full
/// accumulator width (up to 64 bits); the caller saturates the result.
/// </summary>
public static class FixedPointShift
{
    public const int MaxShift = 62;

    /// <summary>value · 2^−shift rounded to nearest, ties toward +∞; a left shift saturates to long.</summary>
    public static long RoundingShift(long value, int shift)
    {
        if (shift is < -MaxShift or > MaxShift)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, $"shift must be in [-{MaxShift}, {MaxShift}]");
        }

        if (shift <= 0)
        {
            return ShiftLeftSaturating(value, -shift);
        }

        return Rounding.ShiftRightNearest(value, shift);
    }

    private static long ShiftLeftSaturating(long value, int amount)
    {
        if (amount == 0 || value == 0)
        {
            return value;
        }

        long limit = long.MaxValue >> amount;
        return value > limit ? long.MaxValue : value < -limit - 1 ? long.MinValue : value << amount;
    }
}
