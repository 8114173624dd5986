using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Numerics;

/// <summary>Kernel assembly shared by the variants that requantize with integer multipliers.</summary>
public static class MultiplierKernels
{
    /// <summary>
    /// Symmetric weights and activations without zero point: bias as given, one multiplier per layer
    /// or (per-channel weights) one per channel.
    /// </summary>
    public static IntegerKernel Symmetric(
        LayerQuantization q, int[,] weights, Precision precision, IProductUnit product, RequantizeRounding rounding = RequantizeRounding.FixedPoint) =>
        new(weights, precision.AccumulatorBits, product,
            OutputStage(q, new AccumulatorOutput([.. q.Bias.Select(b => (long)b)], 0, precision.AccumulatorBits), rounding),
            CodeRange.Of(q.Input.Spec), CodeRange.Of(q.Weights.Spec), activationPadValue: 0);

    /// <summary>
    /// The output stage after <paramref name="corrections"/>: requantization by the layer's multipliers to
    /// its output quantizer, or the corrected accumulators themselves when the layer has no output quantizer.
    /// <paramref name="rounding"/> picks the fixed-point requantizer or ONNX Runtime's float32 one.
    /// </summary>
    public static IOutputStage OutputStage(LayerQuantization q, AccumulatorOutput corrections, RequantizeRounding rounding = RequantizeRounding.FixedPoint) =>
        q.Output is null
            ? corrections
            : rounding == RequantizeRounding.Float32HalfEven
                ? new Float32OutputStage(corrections, Float32OutputStage.ScalesOf(q), q.Output.ZeroPoint(), q.Output.QMin, q.Output.QMax)
                : new MultiplierOutputStage(corrections, Multipliers(q), q.Output.ZeroPoint(), q.Output.QMin, q.Output.QMax);

    /// <summary>FixedPointMultiplier.FromReal of s_in·s_w[c]/s_out, once per weight scale.</summary>
    public static ImmutableArray<FixedPointMultiplier> Multipliers(LayerQuantization q) =>
        [.. Enumerable.Range(0, q.Weights.Scales.Length).Select(c => FixedPointMultiplier.FromReal(q.RescaleFactor(c)))];
}
