using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The output unit without requantization: <c>wrap(acc − z_w·Σx + bias'[c])</c>, the corrected
/// accumulator (the Σx term only when weight zero points are folded). It is what a layer whose result
/// stays wide writes out (a classifier's int32 logits) and the first step of every requantizing stage.
/// <c>bias'</c> already holds every term that is constant per channel (offline folding).
/// <para>Accumulators up to 64 bits: a requantizer takes the corrected value whole (<see cref="Corrected"/>);
/// written out as a layer's result (<see cref="Finish"/>), a value wider than 32 bits is saturated to int32,
/// the width the host reads, because the corrected accumulator of a wide layer can exceed it.</para>
/// </summary>
public sealed class AccumulatorOutput : IOutputStage
{
    private readonly ImmutableArray<long> _bias;
    private readonly int _weightZeroPoint;
    private readonly int _accumulatorBits;

    public AccumulatorOutput(ImmutableArray<long> bias, int weightZeroPoint, int accumulatorBits)
    {
        if (accumulatorBits is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(accumulatorBits), accumulatorBits, "an accumulator is 1 to 64 bits");
        }

        _bias = bias;
        _weightZeroPoint = weightZeroPoint;
        _accumulatorBits = accumulatorBits;
    }

    /// <summary>A stage whose only correction is the bias.</summary>
    public static AccumulatorOutput WithBias(ImmutableArray<int> bias, int accumulatorBits) =>
        new([.. bias.Select(b => (long)b)], 0, accumulatorBits);

    public bool NeedsActivationRowSums => _weightZeroPoint != 0;

    public int Finish(long accumulator, int channel, long activationRowSum) =>
        (int)Math.Clamp(Corrected(accumulator, channel, activationRowSum), int.MinValue, int.MaxValue);

    /// <summary>wrap_A(acc − z_w·Σx + bias'[c]) at the accumulator's full width.</summary>
    public long Corrected(long accumulator, int channel, long activationRowSum) =>
        Accumulator.Wrap(accumulator - (long)_weightZeroPoint * activationRowSum + _bias[channel], _accumulatorBits);
}
