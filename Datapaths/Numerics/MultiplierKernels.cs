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
    public static IntegerKernel Symmetric(LayerQuantization q, int[,] weights, Precision precision, IProductUnit product) =>
        new(weights, precision.AccumulatorBits, product,
            OutputStage(q, new AccumulatorOutput([.. q.Bias.Select(b => (long)b)], 0, precision.AccumulatorBits)),
            CodeRange.Of(q.Input.Spec), CodeRange.Of(q.Weights.Spec), activationPadValue: 0);

    /// <summary>
    /// The output stage after <paramref name="corrections"/>: requantization by the layer's multipliers to
    /// its output quantizer, or the corrected accumulators themselves when the layer has no output quantizer.
    /// </summary>
    public static IOutputStage OutputStage(LayerQuantization q, AccumulatorOutput corrections) =>
        q.Output is null
            ? corrections
            : new MultiplierOutputStage(corrections, Multipliers(q), q.Output.ZeroPoint(), q.Output.QMin, q.Output.QMax);

    /// <summary>FixedPointMultiplier.FromReal of s_in·s_w[c]/s_out, once per weight scale.</summary>
    public static ImmutableArray<FixedPointMultiplier> Multipliers(LayerQuantization q) =>
        [.. Enumerable.Range(0, q.Weights.Scales.Length).Select(c => FixedPointMultiplier.FromReal(q.RescaleFactor(c)))];
}
