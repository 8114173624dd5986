using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The output unit without requantization: <c>wrap(acc − z_w·Σx + bias'[c])</c>, the corrected
/// accumulator (the Σx term only when weight zero points are folded). It is what a layer whose result
/// stays wide writes out (a classifier's int32 logits) and the first step of every requantizing stage.
/// <c>bias'</c> already holds every term that is constant per channel (offline folding).
/// </summary>
public sealed class AccumulatorOutput : IOutputStage
{
    private readonly ImmutableArray<long> _bias;
    private readonly int _weightZeroPoint;
    private readonly int _accumulatorBits;

    public AccumulatorOutput(ImmutableArray<long> bias, int weightZeroPoint, int accumulatorBits)
    {
        if (accumulatorBits > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(accumulatorBits), accumulatorBits, "an accumulator written out or requantized by an int32 multiplier is at most 32 bits");
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
        (int)Accumulator.Wrap(accumulator - (long)_weightZeroPoint * activationRowSum + _bias[channel], _accumulatorBits);
}
