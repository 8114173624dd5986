using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The output unit of the floating-point baseline (<c>float</c>): nothing to requantize, only the bias and one
/// rounding to the format the next layer reads:
/// <code>
/// acc' = round_A(acc + bias[c])        bias[c] an A bit pattern, stored in A
/// out  = round_M(acc')                 the next layer's operand format M (no rounding when M = A)
/// </code>
/// A classifier (no next layer) returns acc' itself. Patterns travel sign-extended from their width to an
/// int (<see cref="SignExtend"/>), the code convention of the <see cref="ScaleKind.FloatPattern"/> quantizer.
/// </summary>
public sealed class FloatRoundingOutputStage : IOutputStage
{
    private readonly FloatFormat _accumulate;
    private readonly FloatFormat? _output;
    private readonly ImmutableArray<long> _bias;

    /// <param name="accumulate">The accumulate format A.</param>
    /// <param name="output">The format the outputs are written in, or null for a classifier (A is kept).</param>
    /// <param name="bias">Per channel, A bit patterns.</param>
    public FloatRoundingOutputStage(FloatFormat accumulate, FloatFormat? output, ImmutableArray<long> bias)
    {
        _accumulate = accumulate;
        _output = output;
        _bias = bias;
    }

    public bool NeedsActivationRowSums => false;

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        long corrected = FloatMacUnit.Add(_accumulate, accumulator, _bias[channel]);
        if (_output is null || _output == _accumulate)
        {
            return SignExtend(corrected, _accumulate.Bits);
        }

        // The A value is exact in a double, so this is the one rounding A -> M.
        return SignExtend(_output.Round(_accumulate.ToDouble(corrected)), _output.Bits);
    }

    /// <summary>The low <paramref name="bits"/> bits of <paramref name="pattern"/> as a two's-complement int.</summary>
    public static int SignExtend(long pattern, int bits) => (int)((pattern << (64 - bits)) >> (64 - bits));
}
