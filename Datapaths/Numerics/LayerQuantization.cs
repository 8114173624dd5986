using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// Everything a layer's integer kernel needs besides the weights: the quantizers of its input
/// activations, weights and output activations, and the bias as int32 codes at scale s_in·s_w[c]
/// with zero point 0 (TFLite convention), one per output channel.
/// <para>
/// <see cref="Output"/> may have other bits than <see cref="Input"/> (the next layer's precision, e.g. an
/// 8-bit last layer after 4-bit ones); null means the layer is not requantized and writes its corrected
/// int32 accumulators (a classifier's logits, read by the host as acc[c]·s_in·s_w[c]).
/// </para>
/// </summary>
public sealed record LayerQuantization(
    QuantizationScheme Input,
    QuantizationScheme Weights,
    QuantizationScheme? Output,
    ImmutableArray<int> Bias)
{
    public int OutputChannels => Bias.Length;

    /// <summary>A layer without bias: all-zero bias codes.</summary>
    public static LayerQuantization WithoutBias(QuantizationScheme input, QuantizationScheme weights, QuantizationScheme? output, int outputChannels) =>
        new(input, weights, output, [.. new int[outputChannels]]);

    /// <summary>Bias codes round(b / (s_in·s_w[c])) by the common <see cref="Rounding"/> rule, saturated to int32.</summary>
    public static ImmutableArray<int> QuantizeBias(IReadOnlyList<double> bias, QuantizationScheme input, QuantizationScheme weights)
    {
        var codes = ImmutableArray.CreateBuilder<int>(bias.Count);
        for (int c = 0; c < bias.Count; c++)
        {
            codes.Add((int)Math.Clamp(Rounding.Nearest(bias[c] / AccumulatorScale(input, weights, c)), int.MinValue, int.MaxValue));
        }

        return codes.MoveToImmutable();
    }

    /// <summary>The real value of one accumulator unit of channel <paramref name="channel"/>: s_in·s_w[c].</summary>
    public static double AccumulatorScale(QuantizationScheme input, QuantizationScheme weights, int channel) =>
        input.Scale() * weights.Scale(channel);

    /// <summary>Real rescale factor s_in·s_w[c]/s_out of one output channel (requantized layers only).</summary>
    public double RescaleFactor(int channel) =>
        AccumulatorScale(Input, Weights, channel) / (Output ?? throw new InvalidOperationException("a layer that writes accumulators has no rescale factor")).Scale();
}
