using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer.Fast;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Scores images on the datapath plug-in's own bit-exact integer kernels (<see cref="QuantSim.Datapaths.Contract.IDatapath.CreateKernel"/>):
/// the same kernels the simulator's register-level array is checked against. With
/// <see cref="IntegerEngine.Fast"/> each layer whose kernel passes <see cref="FastLayer"/>'s checks runs as a
/// vectorized im2col + packed GEMM followed by the kernel's own output stage (bit-identical, tested), a
/// floating-point PE kernel with an fp32 accumulator as im2col + a float GEMM (<see cref="FloatFastLayer"/>); other
/// layers, and every layer with <see cref="IntegerEngine.Kernels"/>, run the kernel's plain loops through
/// <see cref="LayerRunner"/>. Between kernels only integer stages without MACs run on the codes: ReLU (max
/// with the code of real 0), 2 x 2 max-pool (both commute with the monotone requantizer), residual additions
/// (<see cref="ResidualAdd"/>), h-swish tables and global average pools. The only floating-point step is the
/// host reading the classifier, argmax of acc[c]·s_in·s_w[c]. Images are independent, so they run in parallel
/// without affecting the result.
/// </summary>
public sealed class IntegerInference
{
    private readonly IntegerModel _model;
    private readonly ImmutableArray<(IntegerKernel Kernel, Layer Shape, IFastLayer? Fast)> _kernels;

    public IntegerInference(IntegerModel model, IntegerEngine engine = IntegerEngine.Fast)
    {
        _model = model;
        Workload shapes = model.Architecture.ToWorkload();
        var kernels = ImmutableArray.CreateBuilder<(IntegerKernel, Layer, IFastLayer?)>(model.Layers.Length);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            IntegerLayer layer = model.Layers[i];
            int[,] weights = shapes.Layers[i] is ConvLayer conv
                ? ConvLowering.Weights(conv, FilterRowColumnChannel(layer))
                : LayerRunner.FullyConnectedWeights((FullyConnectedLayer)shapes.Layers[i], layer.Weights);
            IntegerKernel kernel = model.Datapath.CreateKernel(layer.Quantization, weights, layer.Bits);
            IFastLayer? fast = engine == IntegerEngine.Fast ? IFastLayer.Create(kernel, shapes.Layers[i] as ConvLayer) : null;
            kernels.Add((kernel, shapes.Layers[i], fast));
        }

        _kernels = kernels.MoveToImmutable();
    }

    /// <summary>The layers that run on the kernel's loops because a fast-path check failed (names).</summary>
    public IEnumerable<string> KernelOnlyLayers(IntegerEngine engine = IntegerEngine.Fast) =>
        engine == IntegerEngine.Kernels ? [] : Enumerable.Range(0, _kernels.Length).Where(i => _kernels[i].Fast is null).Select(i => _model.Layers[i].Spec.Name);

    /// <summary>The predicted class of every image.</summary>
    public int[] Predict(ImageSet images, int maxParallelism = 1)
    {
        var predictions = new int[images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, images.Count, options, () => new FastLayer.Scratch(), (n, _, scratch) =>
        {
            predictions[n] = Classify(Logits(_model.QuantizeImage(images.Pixels.AsSpan(n * images.PixelsPerImage, images.PixelsPerImage)), scratch));
            return scratch;
        }, _ => { });
        return predictions;
    }

    /// <summary>The classifier's int32 accumulators for one image's input codes ([C][H][W] order).</summary>
    public int[] Logits(int[] inputCodes) => Logits(inputCodes, new FastLayer.Scratch());

    private int[] Logits(int[] inputCodes, FastLayer.Scratch scratch)
    {
        ModelArchitecture architecture = _model.Architecture;
        // [h][w][c] while convolving, the plug-ins' layout.
        int[] image = architecture.InputChannels == 1 ? inputCodes : Transpose(inputCodes, architecture.InputChannels, inputCodes.Length / architecture.InputChannels);
        var outputs = new int[_kernels.Length][];
        for (int i = 0; i < _kernels.Length; i++)
        {
            IntegerLayer layer = _model.Layers[i];
            var (kernel, shape, fast) = _kernels[i];
            int source = architecture.SourceOf(i);
            int[] x = source == LayerSpec.NetworkInput ? image : outputs[source];
            if (layer.Pool is { } pool)
            {
                x = pool.Apply(x);
            }
            else if (shape is FullyConnectedLayer && source >= 0 && _kernels[source].Shape is ConvLayer previous)
            {
                x = Transpose(x, x.Length / previous.Filters, previous.Filters); // TorchSharp flattens [C][H][W]
            }

            int[] y = fast is not null
                ? fast.Run(x, scratch)
                : shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, x) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, x);
            if (layer.IsLast)
            {
                return y;
            }

            outputs[i] = Activate(layer, shape, y, layer.Spec.Residual is int r ? (r == LayerSpec.NetworkInput ? image : outputs[r]) : null);
        }

        throw new InvalidOperationException("a model ends with its classifier layer");
    }

    /// <summary>Residual addition or h-swish table, ReLU, max-pool: the stages after a layer's kernel, on codes.</summary>
    private static int[] Activate(IntegerLayer layer, Layer shape, int[] y, int[]? residual)
    {
        int channels = layer.Spec.OutputChannels;
        if (layer.Residual is { } add)
        {
            for (int j = 0; j < y.Length; j++)
            {
                y[j] = add.Apply(y[j], j % channels, residual![j]);
            }
        }
        else if (layer.HSwish is { } table)
        {
            for (int j = 0; j < y.Length; j++)
            {
                y[j] = table[y[j]];
            }
        }

        if (layer.Spec.Relu)
        {
            int zero = layer.OutputScheme!.ZeroPoint();
            for (int j = 0; j < y.Length; j++)
            {
                y[j] = Math.Max(y[j], zero);
            }
        }

        return layer.Spec.MaxPool && shape is ConvLayer pooled ? MaxPool(y, pooled.OutputHeight, pooled.Filters) : y;
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

    /// <summary>TorchSharp's [f][c_g][r][s] weight order to the plug-ins' [f][r][s][c_g].</summary>
    private static int[] FilterRowColumnChannel(IntegerLayer layer)
    {
        int f = layer.Spec.OutputChannels, c = layer.Spec.ChannelsPerGroup, k = layer.Spec.Kernel;
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
