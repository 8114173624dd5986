using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Runs an <see cref="IntegerModel"/> on images with integer arithmetic only (int32 accumulators,
/// fixed-point requantization, integer max-pool); the only floating-point step is the final argmax over
/// <c>acc[c]·s_in·s_w[c]</c>, which is the host reading the classifier, not the datapath.
/// Images are independent, so they run in parallel without affecting the result.
/// </summary>
public static class IntegerInference
{
    /// <summary>The predicted class of every image in <paramref name="images"/>.</summary>
    public static int[] Predict(IntegerModel model, ImageSet images, int maxParallelism = 1)
    {
        var predictions = new int[images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, images.Count, options, n =>
        {
            int[] codes = model.QuantizeImage(images.Pixels.AsSpan(n * images.PixelsPerImage, images.PixelsPerImage));
            predictions[n] = Classify(model, Logits(model, codes));
        });
        return predictions;
    }

    /// <summary>The last layer's int32 accumulators for one image's input codes.</summary>
    public static int[] Logits(IntegerModel model, int[] inputCodes)
    {
        int[] x = inputCodes;
        foreach (IntegerLayer layer in model.Layers)
        {
            int[] acc = layer.Spec.Kind == LayerKind.Conv ? Convolve(layer, x) : FullyConnected(layer, x);
            if (layer.IsLast)
            {
                return acc;
            }

            x = Requantize(layer, acc);
            if (layer.Spec.MaxPool)
            {
                x = MaxPool(x, layer.Spec.OutputChannels, OutputSide(layer));
            }
        }

        throw new InvalidOperationException("a model ends with its classifier layer");
    }

    /// <summary>argmax over <c>acc[c]·scale[c]</c>, first index on ties (as torch.argmax).</summary>
    public static int Classify(IntegerModel model, int[] logits)
    {
        double[] scale = model.Layers[^1].LogitScale;
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int c = 0; c < logits.Length; c++)
        {
            double value = logits[c] * scale[c];
            if (value > bestValue)
            {
                (best, bestValue) = (c, value);
            }
        }

        return best;
    }

    internal static int OutputSide(IntegerLayer layer) => layer.InputSide + 2 * layer.Spec.Padding - layer.Spec.Kernel + 1;

    private static int[] Convolve(IntegerLayer layer, int[] input)
    {
        LayerSpec spec = layer.Spec;
        int side = layer.InputSide, k = spec.Kernel, pad = spec.Padding, outSide = OutputSide(layer);
        int cin = spec.InputChannels, cout = spec.OutputChannels, z = layer.InputZeroPoint;
        var output = new int[cout * outSide * outSide];
        for (int c = 0; c < cout; c++)
        {
            for (int oy = 0; oy < outSide; oy++)
            {
                for (int ox = 0; ox < outSide; ox++)
                {
                    int acc = layer.Bias[c];
                    for (int ci = 0; ci < cin; ci++)
                    {
                        int wBase = ((c * cin) + ci) * k * k;
                        int xBase = ci * side * side;
                        for (int ky = 0; ky < k; ky++)
                        {
                            int iy = oy + ky - pad;
                            if ((uint)iy >= (uint)side)
                            {
                                continue; // zero padding: the real value 0 is code z, so (x − z) = 0
                            }

                            for (int kx = 0; kx < k; kx++)
                            {
                                int ix = ox + kx - pad;
                                if ((uint)ix < (uint)side)
                                {
                                    acc += layer.Weights[wBase + ky * k + kx] * (input[xBase + iy * side + ix] - z);
                                }
                            }
                        }
                    }

                    output[(c * outSide + oy) * outSide + ox] = acc;
                }
            }
        }

        return output;
    }

    internal static int[] FullyConnected(IntegerLayer layer, int[] input)
    {
        int inFeatures = layer.Spec.InputChannels, outFeatures = layer.Spec.OutputChannels, z = layer.InputZeroPoint;
        var output = new int[outFeatures];
        for (int o = 0; o < outFeatures; o++)
        {
            int acc = layer.Bias[o];
            int wBase = o * inFeatures;
            for (int i = 0; i < inFeatures; i++)
            {
                acc += layer.Weights[wBase + i] * (input[i] - z);
            }

            output[o] = acc;
        }

        return output;
    }

    private static int[] Requantize(IntegerLayer layer, int[] acc)
    {
        int perChannel = acc.Length / layer.Spec.OutputChannels;
        var output = new int[acc.Length];
        for (int i = 0; i < acc.Length; i++)
        {
            int scaled = layer.Multipliers![i / perChannel].Apply(acc[i]);
            output[i] = Math.Clamp(layer.OutputZeroPoint + Math.Max(scaled, 0), 0, layer.OutputMax);
        }

        return output;
    }

    /// <summary>2 x 2, stride-2 max-pool over [C][side][side] codes.</summary>
    internal static int[] MaxPool(int[] input, int channels, int side)
    {
        int outSide = side / 2;
        var output = new int[channels * outSide * outSide];
        for (int c = 0; c < channels; c++)
        {
            for (int oy = 0; oy < outSide; oy++)
            {
                for (int ox = 0; ox < outSide; ox++)
                {
                    int b = (c * side + 2 * oy) * side + 2 * ox;
                    output[(c * outSide + oy) * outSide + ox] =
                        Math.Max(Math.Max(input[b], input[b + 1]), Math.Max(input[b + side], input[b + side + 1]));
                }
            }
        }

        return output;
    }
}
