using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The integers of <c>dequantize-in-pe</c> and <c>dequantize-at-edge</c> (where the dequantizer sits does not
/// change them), with D = <c>dequant_bits</c>, A = accumulator bits and the per-tensor dequantizers
/// d_x, d_w of <see cref="FixedPointDequantizer"/>:
/// <code>
/// acc  = wrap_A(Σ_k d_x(x_k)·d_w(w_k))                       D x D products, accumulated exactly modulo 2^A
/// b'   = round(bias·m_x·m_w / 2^(sh_x + sh_w))                the bias code brought to the accumulator's unit 2^−(f_x + f_w)
/// out  = clamp(round((acc + b')·M0 / 2^(31 − shift)) + z_out) single rounding (FixedPointMultiplier)
///        with (M0, shift) = FromReal(2^−(f_x + f_w) / s_out); with rounding float32-half-even,
///        Float32OutputStage with the factor 2^−(f_x + f_w) / s_out in float32 (layers with an output quantizer)
/// </code>
/// A layer without an output quantizer (the classifier) is rescaled the same way to the accumulator unit
/// s_x·s_w every other variant writes (host reads acc·s_x·s_w), saturated to int32, so the logits keep
/// their meaning. These integers differ from the zero-point forms' only through the rounding of the
/// dequantized operands, of the scale mantissas and of the bias.
/// </summary>
public static class DequantizingKernel
{
    public static IntegerKernel Create(LayerQuantization quantization, int[,] weights, Precision precision, int dequantBits, RequantizeRounding rounding = RequantizeRounding.FixedPoint)
    {
        var activationCodes = CodeRange.Of(quantization.Input.Spec);
        var weightCodes = CodeRange.Of(quantization.Weights.Spec);
        var dx = FixedPointDequantizer.Of(quantization.Input.Scale(), quantization.Input.ZeroPoint(), activationCodes, dequantBits);
        var dw = FixedPointDequantizer.Of(quantization.Weights.Scale(), quantization.Weights.ZeroPoint(), weightCodes, dequantBits);
        long mantissas = (long)dx.Mantissa * dw.Mantissa;
        var bias = new long[quantization.OutputChannels];
        for (int c = 0; c < bias.Length; c++)
        {
            // |bias| < 2^31 and both mantissas < 2^30, so the product fits a long; checked in case a caller widens either.
            bias[c] = Accumulator.Wrap(Rounding.ShiftRightNearest(checked(quantization.Bias[c] * mantissas), dx.Shift + dw.Shift), precision.AccumulatorBits);
        }

        double unit = Math.ScaleB(1.0, -(dx.FractionalBits + dw.FractionalBits));
        var output = quantization.Output;
        double target = output?.Scale() ?? quantization.Input.Scale() * quantization.Weights.Scale();
        var corrections = new AccumulatorOutput([.. bias], 0, precision.AccumulatorBits);
        int zero = output?.ZeroPoint() ?? 0, qMin = output?.QMin ?? int.MinValue, qMax = output?.QMax ?? int.MaxValue;
        // A classifier's logits are only brought to the common accumulator unit, never rounded to codes: fixed point.
        IOutputStage stage = rounding == RequantizeRounding.Float32HalfEven && output is not null
            ? new Float32OutputStage(corrections, [(float)(unit / target)], zero, qMin, qMax)
            : new MultiplierOutputStage(corrections, [FixedPointMultiplier.FromReal(unit / target)], zero, qMin, qMax);
        return new IntegerKernel(
            weights, precision.AccumulatorBits, ArrayMultiplier.Instance, stage, activationCodes, weightCodes,
            activationPadValue: quantization.Input.ZeroPoint(),
            activationOperands: OperandTable.Of(activationCodes, dx.Apply),
            weightOperands: OperandTable.Of(weightCodes, dw.Apply));
    }
}
