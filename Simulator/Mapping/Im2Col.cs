using QuantSim.Datapaths.Numerics;
using QuantSim.Simulator.Systolic;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// Builds the integer GEMM operands of a real convolution so the register-level array can run it
/// (rows by the datapaths' <see cref="ConvLowering"/>, the one im2col):
/// input H x W x C (channel fastest), weights F x R x S x (C/g) (one filter after another), zero
/// padding. For group g: <c>A[m][k]</c> with m = p*Q + q (output pixel) and k = (r*S + s)*(C/g) + c,
/// <c>B[k][n]</c> = weight of filter g*(F/g) + n; the output pixel (p, q), channel g*(F/g) + n is C[m][n].
/// </summary>
public static class Im2Col
{
    public static GemmOperands Operands(ConvLayer conv, int[] input, int[] weights, string workloadName)
    {
        var problem = GemmLowering.Lower(conv, workloadName);
        int fg = conv.FiltersPerGroup;
        if (input.Length != (long)conv.InputHeight * conv.InputWidth * conv.InputChannels)
        {
            throw new ArgumentException($"Input of '{conv.Name}' must hold H*W*C = {conv.InputHeight * conv.InputWidth * conv.InputChannels} values.", nameof(input));
        }

        if (weights.Length != (long)conv.Filters * problem.K)
        {
            throw new ArgumentException($"Weights of '{conv.Name}' must hold F*R*S*C/g = {(long)conv.Filters * problem.K} values.", nameof(weights));
        }

        // The datapaths' im2col, so the register-level array and the plug-in kernels see the same rows.
        var weightMatrix = ConvLowering.Weights(conv, weights);
        var a = new int[conv.Groups][];
        var b = new int[conv.Groups][];
        for (int g = 0; g < conv.Groups; g++)
        {
            var rows = ConvLowering.Activations(conv, input, g, padValue: 0);
            a[g] = new int[rows.Length];
            Buffer.BlockCopy(rows, 0, a[g], 0, rows.Length * sizeof(int));
            var bg = new int[(long)problem.K * fg];
            for (int k = 0; k < problem.K; k++)
            {
                for (int n = 0; n < fg; n++)
                {
                    bg[(long)k * fg + n] = weightMatrix[k, g * fg + n];
                }
            }

            b[g] = bg;
        }

        return new GemmOperands(problem, a, b);
    }

    /// <summary>Scatters the per-group GEMM outputs back to an output P x Q x F tensor.</summary>
    public static int[] OutputTensor(ConvLayer conv, int[][] outputs)
    {
        int fg = conv.FiltersPerGroup;
        int pixels = conv.OutputHeight * conv.OutputWidth;
        var result = new int[(long)pixels * conv.Filters];
        for (int g = 0; g < conv.Groups; g++)
        {
            for (int m = 0; m < pixels; m++)
            {
                outputs[g].AsSpan(m * fg, fg).CopyTo(result.AsSpan(m * conv.Filters + g * fg, fg));
            }
        }

        return result;
    }
}
