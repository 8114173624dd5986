using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// gemmlowp/TFLite output path, once per output:
/// <code>
/// acc' = wrap(acc − z_w·Σx + bias'[c])              // Σx term only when weight zero points are folded
/// out  = clamp(MultiplyByQuantizedMultiplier(acc', M0[c], shift[c]) + z_out, qmin, qmax)
/// </code>
/// <c>bias'</c> already holds every term that is constant per channel (offline folding).
/// One multiplier for the layer, or one per channel. The accumulator is at most 32 bits wide, so
/// acc' is an int32 as the reference requantizer expects.
/// </summary>
public sealed class MultiplierOutputStage : IOutputStage
{
    private readonly ImmutableArray<long> _bias;
    private readonly ImmutableArray<FixedPointMultiplier> _multipliers;
    private readonly int _weightZeroPoint;
    private readonly int _outputZeroPoint;
    private readonly int _accumulatorBits;
    private readonly int _qMin;
    private readonly int _qMax;

    public MultiplierOutputStage(
        ImmutableArray<long> bias,
        ImmutableArray<FixedPointMultiplier> multipliers,
        int weightZeroPoint,
        int outputZeroPoint,
        int accumulatorBits,
        int qMin,
        int qMax)
    {
        if (accumulatorBits > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(accumulatorBits), accumulatorBits, "the gemmlowp requantizer takes an int32 accumulator");
        }

        if (multipliers.Length != 1 && multipliers.Length != bias.Length)
        {
            throw new ArgumentException("one multiplier per layer or one per output channel", nameof(multipliers));
        }

        _bias = bias;
        _multipliers = multipliers;
        _weightZeroPoint = weightZeroPoint;
        _outputZeroPoint = outputZeroPoint;
        _accumulatorBits = accumulatorBits;
        _qMin = qMin;
        _qMax = qMax;
    }

    public ImmutableArray<FixedPointMultiplier> Multipliers => _multipliers;

    public bool NeedsActivationRowSums => _weightZeroPoint != 0;

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        long corrected = Accumulator.Wrap(accumulator - (long)_weightZeroPoint * activationRowSum + _bias[channel], _accumulatorBits);
        var m = _multipliers.Length == 1 ? _multipliers[0] : _multipliers[channel];
        long scaled = (long)m.Apply((int)corrected) + _outputZeroPoint;
        return (int)Math.Clamp(scaled, _qMin, _qMax);
    }
}
