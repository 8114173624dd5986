using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Numerics;

/// <summary>Runs whole quantized layers through an <see cref="IntegerKernel"/> (plain-loop GEMM per group).</summary>
public static class LayerRunner
{
    /// <summary>Output codes [oh][ow][f] of a convolution on input codes [h][w][c].</summary>
    public static int[] Conv(IntegerKernel kernel, ConvLayer layer, IReadOnlyList<int> input)
    {
        if (kernel.OutputChannels != layer.Filters || kernel.ReductionLength != ConvLowering.ReductionLength(layer))
        {
            throw new ArgumentException("the kernel's weights do not match the layer shape", nameof(kernel));
        }

        int pixels = layer.OutputHeight * layer.OutputWidth;
        int fg = layer.FiltersPerGroup;
        var output = new int[pixels * layer.Filters];
        for (int g = 0; g < layer.Groups; g++)
        {
            var rows = ConvLowering.Activations(layer, input, g, kernel.ActivationPadValue);
            var result = kernel.Gemm(rows, g * fg, fg);
            for (int m = 0; m < pixels; m++)
            {
                for (int n = 0; n < fg; n++)
                {
                    output[m * layer.Filters + g * fg + n] = result[m, n];
                }
            }
        }

        return output;
    }

    /// <summary>Output codes [batch][out] of a fully connected layer on input codes [batch][in].</summary>
    public static int[] FullyConnected(IntegerKernel kernel, FullyConnectedLayer layer, IReadOnlyList<int> input)
    {
        if (kernel.OutputChannels != layer.OutputFeatures || kernel.ReductionLength != layer.InputFeatures)
        {
            throw new ArgumentException("the kernel's weights do not match the layer shape", nameof(kernel));
        }

        if (input.Count != layer.Batch * layer.InputFeatures)
        {
            throw new ArgumentException($"expected {layer.Batch * layer.InputFeatures} input codes, got {input.Count}", nameof(input));
        }

        var rows = new int[layer.Batch, layer.InputFeatures];
        for (int b = 0; b < layer.Batch; b++)
        {
            for (int i = 0; i < layer.InputFeatures; i++)
            {
                rows[b, i] = input[b * layer.InputFeatures + i];
            }
        }

        var result = kernel.Gemm(rows);
        var output = new int[layer.Batch * layer.OutputFeatures];
        for (int b = 0; b < layer.Batch; b++)
        {
            for (int o = 0; o < layer.OutputFeatures; o++)
            {
                output[b * layer.OutputFeatures + o] = result[b, o];
            }
        }

        return output;
    }

    /// <summary>FC weights [out][in] as the K x N GEMM matrix.</summary>
    public static int[,] FullyConnectedWeights(FullyConnectedLayer layer, IReadOnlyList<int> weights)
    {
        var matrix = new int[layer.InputFeatures, layer.OutputFeatures];
        for (int o = 0; o < layer.OutputFeatures; o++)
        {
            for (int i = 0; i < layer.InputFeatures; i++)
            {
                matrix[i, o] = weights[o * layer.InputFeatures + i];
            }
        }

        return matrix;
    }
}
