using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// Everything a layer's integer kernel needs besides the weights: the quantizers of its input
/// activations, weights and output activations, and the bias as int32 codes at scale s_in·s_w[c]
/// with zero point 0 (TFLite convention), one per output channel.
/// </summary>
public sealed record LayerQuantization(
    QuantizationScheme Input,
    QuantizationScheme Weights,
    QuantizationScheme Output,
    ImmutableArray<int> Bias)
{
    public int OutputChannels => Bias.Length;

    /// <summary>A layer without bias: all-zero bias codes.</summary>
    public static LayerQuantization WithoutBias(QuantizationScheme input, QuantizationScheme weights, QuantizationScheme output, int outputChannels) =>
        new(input, weights, output, [.. new int[outputChannels]]);

    /// <summary>Bias codes round(b / (s_in·s_w[c])), half to even, saturated to int32.</summary>
    public static ImmutableArray<int> QuantizeBias(IReadOnlyList<double> bias, QuantizationScheme input, QuantizationScheme weights)
    {
        var codes = ImmutableArray.CreateBuilder<int>(bias.Count);
        for (int c = 0; c < bias.Count; c++)
        {
            double scale = input.Scale() * weights.Scale(c);
            codes.Add((int)Math.Clamp(Math.Round(bias[c] / scale, MidpointRounding.ToEven), int.MinValue, int.MaxValue));
        }

        return codes.MoveToImmutable();
    }

    /// <summary>Real rescale factor s_in·s_w[c]/s_out of one output channel.</summary>
    public double RescaleFactor(int channel) => Input.Scale() * Weights.Scale(channel) / Output.Scale();
}
