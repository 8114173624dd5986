using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The GEMM view of a convolution (im2col). Tensor layouts: input [h][w][c], weights
/// [f][r][s][c/groups], output [oh][ow][f]. GEMM index k = (r·S + s)·C_g + c, so one K serves
/// every group; group g's outputs are weight columns [g·F_g, (g+1)·F_g).
/// </summary>
public static class ConvLowering
{
    public static int ReductionLength(ConvLayer layer) => layer.KernelHeight * layer.KernelWidth * layer.ChannelsPerGroup;

    /// <summary>K x F weight matrix from [f][r][s][c_g] codes.</summary>
    public static int[,] Weights(ConvLayer layer, IReadOnlyList<int> weights)
    {
        int k = ReductionLength(layer);
        if (weights.Count != k * layer.Filters)
        {
            throw new ArgumentException($"expected {k * layer.Filters} weights, got {weights.Count}", nameof(weights));
        }

        var matrix = new int[k, layer.Filters];
        for (int f = 0; f < layer.Filters; f++)
        {
            for (int i = 0; i < k; i++)
            {
                matrix[i, f] = weights[f * k + i];
            }
        }

        return matrix;
    }

    /// <summary>(OH·OW) x K activation rows of one group; padded taps read <paramref name="padValue"/>.</summary>
    public static int[,] Activations(ConvLayer layer, IReadOnlyList<int> input, int group, int padValue)
    {
        if (input.Count != layer.InputHeight * layer.InputWidth * layer.InputChannels)
        {
            throw new ArgumentException($"expected {layer.InputHeight * layer.InputWidth * layer.InputChannels} input codes, got {input.Count}", nameof(input));
        }

        int cg = layer.ChannelsPerGroup;
        var rows = new int[layer.OutputHeight * layer.OutputWidth, ReductionLength(layer)];
        for (int oh = 0; oh < layer.OutputHeight; oh++)
        {
            for (int ow = 0; ow < layer.OutputWidth; ow++)
            {
                int m = oh * layer.OutputWidth + ow;
                for (int r = 0; r < layer.KernelHeight; r++)
                {
                    int h = oh * layer.StrideH + r * layer.DilationH - layer.PadH;
                    for (int s = 0; s < layer.KernelWidth; s++)
                    {
                        int w = ow * layer.StrideW + s * layer.DilationW - layer.PadW;
                        bool inside = h >= 0 && h < layer.InputHeight && w >= 0 && w < layer.InputWidth;
                        for (int c = 0; c < cg; c++)
                        {
                            rows[m, (r * layer.KernelWidth + s) * cg + c] = inside
                                ? input[(h * layer.InputWidth + w) * layer.InputChannels + group * cg + c]
                                : padValue;
                        }
                    }
                }
            }
        }

        return rows;
    }
}
