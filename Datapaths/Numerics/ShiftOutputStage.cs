using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// Fixed-point output path: add the bias (accumulator-wide adder, wraps like the accumulator), shift
/// right by f_in + f_w − f_out rounding to nearest (ties toward +∞, <see cref="Rounding"/>), saturate to
/// the output code range.
/// </summary>
public sealed class ShiftOutputStage(ImmutableArray<int> bias, int shift, int accumulatorBits, int qMin, int qMax) : IOutputStage
{
    public int Shift => shift;

    public bool NeedsActivationRowSums => false;

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        long withBias = Accumulator.Wrap(accumulator + bias[channel], accumulatorBits);
        return (int)Math.Clamp(FixedPointShift.RoundingShift(withBias, shift), qMin, qMax);
    }
}
