namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A real multiplier M as the integer output stage stores it: a Q0.31 mantissa M0 and a power-of-two
/// exponent, <c>M ≈ M0·2^(shift−31)</c>, built as TFLite's <c>QuantizeMultiplier</c> does and applied with
/// TFLite's single-rounding form (<c>TFLITE_SINGLE_ROUNDING</c>):
/// <c>(x·M0 + 2^(t−1)) &gt;&gt; t</c>, <c>t = 31 − shift</c>, i.e. one rounding, half up.
/// A power-of-two M is kept as a pure rounding shift (<see cref="IsShiftOnly"/>): the fixed-point datapath
/// has no multiplier.
/// </summary>
/// <remarks>
/// Why single rounding: gemmlowp's two-step form (SaturatingRoundingDoublingHighMul, then
/// RoundingDivideByPOT) rounds twice, which on the small accumulators of 2-4-bit layers visibly changes
/// codes (acc = 1, M = 0.276 gives 1 instead of 0) and makes the hardware disagree with the quantizer it
/// was trained with. Half-up rounding equals the fake quantizer's <c>floor(x + 0.5)</c>.
/// This is the minimal requantizer the accuracy path needs while the datapath plug-ins' own numerics
/// (Datapaths/, issue 5) are not merged.
/// </remarks>
public readonly record struct FixedPointMultiplier(int Mantissa, int Shift, bool IsShiftOnly)
{
    /// <summary>TFLite <c>QuantizeMultiplier</c>: frexp, round half away from zero, renormalize 2^31, underflow to 0, shift at most 30.</summary>
    public static FixedPointMultiplier FromReal(double multiplier)
    {
        if (multiplier <= 0)
        {
            return new FixedPointMultiplier(0, 0, false);
        }

        // Exact power of two: a shift (left when positive) with no multiplier.
        int exponent = Math.ILogB(multiplier);
        if (Math.ScaleB(1, exponent) == multiplier)
        {
            return new FixedPointMultiplier(0, exponent, true);
        }

        int shift = exponent + 1; // frexp: multiplier = q·2^shift with q in [0.5, 1)
        double q = Math.ScaleB(multiplier, -shift);
        long m0 = (long)Math.Round(q * (1L << 31), MidpointRounding.AwayFromZero);
        if (m0 == 1L << 31)
        {
            m0 /= 2;
            shift++;
        }

        if (shift < -31)
        {
            return new FixedPointMultiplier(0, 0, false);
        }

        if (shift > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "a requantization multiplier must be below 2^30");
        }

        return new FixedPointMultiplier((int)m0, shift, false);
    }

    /// <summary>round(x·M), ties up (toward +∞), with the stored mantissa and shift.</summary>
    public int Apply(int x)
    {
        if (IsShiftOnly)
        {
            return Shift >= 0 ? checked(x << Shift) : RoundingShiftRight(x, -Shift);
        }

        int total = 31 - Shift;
        long product = (long)x * Mantissa;
        return checked((int)((product + (1L << (total - 1))) >> total));
    }

    /// <summary>x / 2^e rounded to nearest, ties up: <c>(x + 2^(e−1)) &gt;&gt; e</c> (arithmetic shift).</summary>
    public static int RoundingShiftRight(int x, int exponent) =>
        exponent == 0 ? x : (int)(((long)x + (1L << (exponent - 1))) >> exponent);
}
