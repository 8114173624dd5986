using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The output unit of a floating-point PE array, once per output, every step in the accumulate format F:
/// <code>
/// acc' = round_F(acc + bias[c])          bias[c] = round_F(real bias), stored in F
/// v    = round_F(acc' · r)               r = round_F(1 / s_out) (the classifier: 1 / (s_x·s_w), its accumulator unit)
/// out  = clamp(roundHalfEven(v) + z_out, qmin, qmax)
/// </code>
/// A NaN (only from ∞ − ∞) gives qmin, as x86's float-to-integer conversion's "integer indefinite" (the most
/// negative value) saturates there; ±∞ saturate to the bounds.
/// </summary>
public sealed class FloatOutputStage : IOutputStage
{
    private readonly FloatFormat _format;
    private readonly ImmutableArray<long> _bias;
    private readonly long _rescale;
    private readonly int _outputZeroPoint;
    private readonly int _qMin;
    private readonly int _qMax;

    /// <param name="format">The accumulate format F.</param>
    /// <param name="bias">Per channel, F bit patterns.</param>
    /// <param name="rescale">r as an F bit pattern.</param>
    /// <param name="outputZeroPoint">z_out, added after the rounding.</param>
    /// <param name="qMin">The smallest output code.</param>
    /// <param name="qMax">The largest output code.</param>
    public FloatOutputStage(FloatFormat format, ImmutableArray<long> bias, long rescale, int outputZeroPoint, int qMin, int qMax)
    {
        _format = format;
        _bias = bias;
        _rescale = rescale;
        _outputZeroPoint = outputZeroPoint;
        _qMin = qMin;
        _qMax = qMax;
    }

    public FloatFormat Format => _format;

    /// <summary>The rescale factor r, an F bit pattern.</summary>
    public long Rescale => _rescale;

    public bool NeedsActivationRowSums => false;

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        long corrected = FloatMacUnit.Add(_format, accumulator, _bias[channel]);
        double value = _format.ToDouble(FloatMacUnit.Multiply(_format, corrected, _rescale));
        if (double.IsNaN(value))
        {
            return _qMin;
        }

        // Clamping before rounding gives the same code (the bounds are integers) and keeps the conversion in range.
        double bounded = Math.Clamp(value, (double)_qMin - _outputZeroPoint, (double)_qMax - _outputZeroPoint);
        long code = (long)Math.Round(bounded, MidpointRounding.ToEven) + _outputZeroPoint;
        return (int)Math.Clamp(code, _qMin, _qMax);
    }
}
