using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// Integer-multiplier output path, once per output:
/// <code>
/// acc' = wrap(acc − z_w·Σx + bias'[c])                      // AccumulatorOutput
/// out  = clamp(round(acc'·M0[c] / 2^(31 − shift[c])) + z_out, qmin, qmax)
/// </code>
/// with one rounding (<see cref="FixedPointMultiplier.Apply(long)"/>, exact for accumulators of up to 64
/// bits). One multiplier for the layer, or one per channel.
/// </summary>
public sealed class MultiplierOutputStage : IOutputStage
{
    private readonly AccumulatorOutput _corrections;
    private readonly ImmutableArray<FixedPointMultiplier> _multipliers;
    private readonly int _outputZeroPoint;
    private readonly int _qMin;
    private readonly int _qMax;

    public MultiplierOutputStage(
        AccumulatorOutput corrections,
        ImmutableArray<FixedPointMultiplier> multipliers,
        int outputZeroPoint,
        int qMin,
        int qMax)
    {
        if (multipliers.IsDefaultOrEmpty)
        {
            throw new ArgumentException("one multiplier per layer or one per output channel", nameof(multipliers));
        }

        _corrections = corrections;
        _multipliers = multipliers;
        _outputZeroPoint = outputZeroPoint;
        _qMin = qMin;
        _qMax = qMax;
    }

    public ImmutableArray<FixedPointMultiplier> Multipliers => _multipliers;

    public bool NeedsActivationRowSums => _corrections.NeedsActivationRowSums;

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        long corrected = _corrections.Corrected(accumulator, channel, activationRowSum);
        var m = _multipliers.Length == 1 ? _multipliers[0] : _multipliers[channel];
        Int128 code = m.Apply(corrected) + _outputZeroPoint;
        return code < _qMin ? _qMin : code > _qMax ? _qMax : (int)code;
    }
}
