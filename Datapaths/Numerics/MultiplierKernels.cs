using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Numerics;

/// <summary>Kernel assembly shared by the variants that requantize with gemmlowp multipliers.</summary>
public static class MultiplierKernels
{
    /// <summary>
    /// Symmetric weights and activations without zero point: bias as given, one multiplier per layer
    /// or (per-channel weights) one per channel.
    /// </summary>
    public static IntegerKernel Symmetric(LayerQuantization q, int[,] weights, Precision precision, IProductUnit product)
    {
        var output = new MultiplierOutputStage(
            [.. q.Bias.Select(b => (long)b)],
            Multipliers(q),
            weightZeroPoint: 0,
            outputZeroPoint: 0,
            precision.AccumulatorBits,
            q.Output.QMin,
            q.Output.QMax);
        return new IntegerKernel(weights, precision.AccumulatorBits, product, output, CodeRange.Of(q.Input.Spec), CodeRange.Of(q.Weights.Spec), activationPadValue: 0);
    }

    /// <summary>FixedPointMultiplier.FromReal of s_in·s_w[c]/s_out, once per weight scale.</summary>
    public static ImmutableArray<FixedPointMultiplier> Multipliers(LayerQuantization q) =>
        [.. Enumerable.Range(0, q.Weights.Scales.Length).Select(c => FixedPointMultiplier.FromReal(q.RescaleFactor(c)))];
}
