using QuantSim.Datapaths.Numerics;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Global average pooling on codes: per channel the sum of (q − z) over the H·W positions, rescaled by
/// s/(H·W·s_pooled) with one fixed-point multiplier, rounded once and offset by the pooled quantizer's zero
/// point. The fake-quantized network averages the dequantized values and quantizes the mean.
/// </summary>
public sealed record GlobalAveragePool(QuantizationScheme Source, QuantizationScheme Pooled, int Positions)
{
    private readonly FixedPointRescale _rescale = FixedPointRescale.FromReal(Source.Scale() / (Positions * Pooled.Scale()));

    /// <summary>[C] pooled codes of [positions][C] source codes.</summary>
    public int[] Apply(int[] codes)
    {
        int channels = codes.Length / Positions;
        var pooled = new int[channels];
        int zero = Source.ZeroPoint();
        for (int c = 0; c < channels; c++)
        {
            long sum = 0;
            for (int p = 0; p < Positions; p++)
            {
                sum += codes[p * channels + c] - zero;
            }

            pooled[c] = FixedPointRescale.Code(_rescale.Times(sum), Pooled.ZeroPoint(), Pooled.QMin, Pooled.QMax);
        }

        return pooled;
    }
}
