using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A residual addition as an integer datapath performs it at a layer's output: the layer's corrected
/// accumulator (scale s_in·s_w[c], the kernel's output without requantization) and the residual tensor's
/// code (scale s_r, zero point z_r) are both rescaled to the output scale s_out with fixed-point multipliers
/// (<see cref="FixedPointRescale"/>), added, rounded once, offset by z_out and clamped; the activation then
/// applies on the output codes. The fake-quantized network computes <c>q(acc·s_acc + s_r·(q_r − z_r))</c>,
/// the same value up to the multipliers' 2^−40 resolution.
/// </summary>
public sealed record ResidualAdd(ImmutableArray<FixedPointRescale> Accumulator, FixedPointRescale Residual, QuantizationScheme ResidualScheme, QuantizationScheme Output)
{
    public static ResidualAdd Of(LayerQuantization layer, QuantizationScheme residual, QuantizationScheme output) => new(
        [.. Enumerable.Range(0, layer.OutputChannels).Select(c => FixedPointRescale.FromReal(layer.Input.Scale() * layer.Weights.Scale(c) / output.Scale()))],
        FixedPointRescale.FromReal(residual.Scale() / output.Scale()),
        residual,
        output);

    /// <summary>The output code of channel <paramref name="channel"/>.</summary>
    public int Apply(long accumulator, int channel, int residualCode) =>
        FixedPointRescale.Code(
            Accumulator[channel].Times(accumulator) + Residual.Times(residualCode - ResidualScheme.ZeroPoint()),
            Output.ZeroPoint(), Output.QMin, Output.QMax);
}
