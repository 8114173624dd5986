using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Scores images on the datapath plug-in's own bit-exact integer kernels (<see cref="QuantSim.Datapaths.Contract.IDatapath.CreateKernel"/>,
/// run layer by layer with <see cref="LayerRunner"/>): the same kernels the simulator's register-level
/// array is checked against. Between kernels only what carries no arithmetic happens on the codes: ReLU
/// (max with the code of real 0) and 2 x 2 max-pool, both of which commute with the monotone requantizer.
/// The only floating-point step is the host reading the classifier, argmax of acc[c]·s_in·s_w[c].
/// Images are independent, so they run in parallel without affecting the result.
/// </summary>
public sealed class IntegerInference
{
    private readonly IntegerModel _model;
    private readonly ImmutableArray<(IntegerKernel Kernel, Layer Shape)> _kernels;

    public IntegerInference(IntegerModel model)
    {
        _model = model;
        Workload shapes = model.Architecture.ToWorkload();
        var kernels = ImmutableArray.CreateBuilder<(IntegerKernel, Layer)>(model.Layers.Length);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            IntegerLayer layer = model.Layers[i];
            int[,] weights = shapes.Layers[i] is ConvLayer conv
                ? ConvLowering.Weights(conv, FilterRowColumnChannel(layer))
                : LayerRunner.FullyConnectedWeights((FullyConnectedLayer)shapes.Layers[i], layer.Weights);
            kernels.Add((model.Datapath.CreateKernel(layer.Quantization, weights, layer.Bits), shapes.Layers[i]));
        }

        _kernels = kernels.MoveToImmutable();
    }

    /// <summary>The predicted class of every image.</summary>
    public int[] Predict(ImageSet images, int maxParallelism = 1)
    {
        var predictions = new int[images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, images.Count, options, n =>
            predictions[n] = Classify(Logits(_model.QuantizeImage(images.Pixels.AsSpan(n * images.PixelsPerImage, images.PixelsPerImage)))));
        return predictions;
    }

    /// <summary>The classifier's int32 accumulators for one image's input codes ([C][H][W] order).</summary>
    public int[] Logits(int[] inputCodes)
    {
        // [h][w][c] while convolving, the plug-ins' layout.
        int[] x = _model.Architecture.InputChannels == 1 ? inputCodes : Transpose(inputCodes, _model.Architecture.InputChannels, inputCodes.Length / _model.Architecture.InputChannels);
        for (int i = 0; i < _kernels.Length; i++)
        {
            IntegerLayer layer = _model.Layers[i];
            var (kernel, shape) = _kernels[i];
            if (shape is ConvLayer conv)
            {
                x = LayerRunner.Conv(kernel, conv, x);
            }
            else
            {
                if (i > 0 && _kernels[i - 1].Shape is ConvLayer previous)
                {
                    x = Transpose(x, x.Length / previous.Filters, previous.Filters); // TorchSharp flattens [C][H][W]
                }

                x = LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, x);
            }

            if (layer.IsLast)
            {
                return x;
            }

            if (layer.Spec.Relu)
            {
                int zero = layer.Quantization.Output!.ZeroPoint();
                for (int j = 0; j < x.Length; j++)
                {
                    x[j] = Math.Max(x[j], zero);
                }
            }

            if (layer.Spec.MaxPool && shape is ConvLayer pooled)
            {
                x = MaxPool(x, pooled.OutputHeight, pooled.Filters);
            }
        }

        throw new InvalidOperationException("a model ends with its classifier layer");
    }

    /// <summary>argmax over <c>acc[c]·s_in·s_w[c]</c>, first index on ties (as torch.argmax).</summary>
    public int Classify(int[] logits)
    {
        IntegerLayer last = _model.Layers[^1];
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int c = 0; c < logits.Length; c++)
        {
            double value = logits[c] * last.AccumulatorScale(c);
            if (value > bestValue)
            {
                (best, bestValue) = (c, value);
            }
        }

        return best;
    }

    /// <summary>2 x 2, stride-2 max-pool over [side][side][C] codes.</summary>
    private static int[] MaxPool(int[] input, int side, int channels)
    {
        int outSide = side / 2;
        var output = new int[outSide * outSide * channels];
        for (int oy = 0; oy < outSide; oy++)
        {
            for (int ox = 0; ox < outSide; ox++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int At(int y, int x) => input[((2 * oy + y) * side + 2 * ox + x) * channels + c];
                    output[(oy * outSide + ox) * channels + c] = Math.Max(Math.Max(At(0, 0), At(0, 1)), Math.Max(At(1, 0), At(1, 1)));
                }
            }
        }

        return output;
    }

    /// <summary>A rows x columns matrix, row-major, transposed (pixel-major to channel-major and back).</summary>
    private static int[] Transpose(int[] matrix, int rows, int columns)
    {
        var result = new int[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[c * rows + r] = matrix[r * columns + c];
            }
        }

        return result;
    }

    /// <summary>TorchSharp's [f][c][r][s] weight order to the plug-ins' [f][r][s][c].</summary>
    private static int[] FilterRowColumnChannel(IntegerLayer layer)
    {
        int f = layer.Spec.OutputChannels, c = layer.Spec.InputChannels, k = layer.Spec.Kernel;
        var result = new int[layer.Weights.Length];
        for (int o = 0; o < f; o++)
        {
            for (int ci = 0; ci < c; ci++)
            {
                for (int r = 0; r < k; r++)
                {
                    for (int s = 0; s < k; s++)
                    {
                        result[((o * k + r) * k + s) * c + ci] = layer.Weights[((o * c + ci) * k + r) * k + s];
                    }
                }
            }
        }

        return result;
    }
}
