namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A real multiplier M as the integer output stage stores it: a Q0.31 mantissa M0 and a power-of-two
/// exponent, <c>M ≈ M0·2^(shift−31)</c>, built and applied exactly as TFLite's <c>QuantizeMultiplier</c>
/// and <c>MultiplyByQuantizedMultiplier</c> (gemmlowp's SaturatingRoundingDoublingHighMul followed by
/// RoundingDivideByPOT). A power-of-two M is kept as a pure shift (<see cref="IsShiftOnly"/>): the
/// fixed-point datapath has no multiplier, only a rounding shift.
/// </summary>
/// <remarks>
/// This is the minimal requantizer the accuracy path needs while the datapath plug-ins' own numerics
/// (Datapaths/, issue 5) are not merged; it mirrors the reference semantics in
/// shared/reference/quantization.md §2 so the swap is mechanical.
/// </remarks>
public readonly record struct FixedPointMultiplier(int Mantissa, int Shift, bool IsShiftOnly)
{
    /// <summary>TFLite <c>QuantizeMultiplier</c>: frexp, round half away from zero, renormalize 2^31, underflow to 0.</summary>
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

        return new FixedPointMultiplier((int)m0, shift, false);
    }

    /// <summary>round(x·M) with the datapath's rounding (ties away from zero in RDBPOT).</summary>
    public int Apply(int x)
    {
        if (IsShiftOnly)
        {
            return Shift >= 0 ? checked(x << Shift) : RoundingDivideByPowerOfTwo(x, -Shift);
        }

        int left = Math.Max(Shift, 0);
        int right = Math.Max(-Shift, 0);
        return RoundingDivideByPowerOfTwo(SaturatingRoundingDoublingHighMul(checked(x * (1 << left)), Mantissa), right);
    }

    /// <summary>gemmlowp SRDHM: (a·b·2 + 2^31) / 2^32 rounded half away from zero, saturating the one overflow case.</summary>
    public static int SaturatingRoundingDoublingHighMul(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue)
        {
            return int.MaxValue;
        }

        long ab = (long)a * b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int)((ab + nudge) / (1L << 31)); // C# '/' truncates toward zero, as C does
    }

    /// <summary>gemmlowp RoundingDivideByPOT: x / 2^e rounded to nearest, ties away from zero.</summary>
    public static int RoundingDivideByPowerOfTwo(int x, int exponent)
    {
        if (exponent == 0)
        {
            return x;
        }

        int mask = (int)((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }
}
