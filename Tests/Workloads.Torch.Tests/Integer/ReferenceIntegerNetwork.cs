using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// A second, deliberately plain implementation of the integer network, independent of the plug-in kernels:
/// direct [C][H][W] convolution loops with zero padding at the input zero point, its own TFLite-style
/// multiplier (frexp of the float factor, Q0.31 mantissa, pure shift for powers of two) applied with one
/// rounding, ReLU fused into the clamp, max-pool on [C][H][W]. It reads only the exported numbers
/// (codes, bias, scales, zero points) of an <see cref="IntegerModel"/>.
/// </summary>
public static class ReferenceIntegerNetwork
{
    /// <summary>The classifier's int32 accumulators for one image's input codes ([C][H][W]).</summary>
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

    private static int OutputSide(IntegerLayer layer) => layer.InputSide + 2 * layer.Spec.Padding - layer.Spec.Kernel + 1;

    private static int[] Convolve(IntegerLayer layer, int[] input)
    {
        LayerSpec spec = layer.Spec;
        int side = layer.InputSide, k = spec.Kernel, pad = spec.Padding, outSide = OutputSide(layer);
        int cin = spec.InputChannels, z = layer.Quantization.Input.ZeroPoint();
        var output = new int[spec.OutputChannels * outSide * outSide];
        for (int c = 0; c < spec.OutputChannels; c++)
        {
            for (int oy = 0; oy < outSide; oy++)
            {
                for (int ox = 0; ox < outSide; ox++)
                {
                    int acc = layer.Quantization.Bias[c];
                    for (int ci = 0; ci < cin; ci++)
                    {
                        for (int ky = 0; ky < k; ky++)
                        {
                            for (int kx = 0; kx < k; kx++)
                            {
                                int iy = oy + ky - pad, ix = ox + kx - pad;
                                bool inside = (uint)iy < (uint)side && (uint)ix < (uint)side;
                                int a = inside ? input[(ci * side + iy) * side + ix] : z; // padding is real 0
                                acc += layer.Weights[((c * cin + ci) * k + ky) * k + kx] * (a - z);
                            }
                        }
                    }

                    output[(c * outSide + oy) * outSide + ox] = acc;
                }
            }
        }

        return output;
    }

    private static int[] FullyConnected(IntegerLayer layer, int[] input)
    {
        int inFeatures = layer.Spec.InputChannels, z = layer.Quantization.Input.ZeroPoint();
        var output = new int[layer.Spec.OutputChannels];
        for (int o = 0; o < output.Length; o++)
        {
            int acc = layer.Quantization.Bias[o];
            for (int i = 0; i < inFeatures; i++)
            {
                acc += layer.Weights[o * inFeatures + i] * (input[i] - z);
            }

            output[o] = acc;
        }

        return output;
    }

    /// <summary>clamp(z_out + max(round(acc·M[c]), 0), qmin, qmax): the requantizer with the ReLU fused.</summary>
    private static int[] Requantize(IntegerLayer layer, int[] acc)
    {
        var q = layer.Quantization;
        int perChannel = acc.Length / layer.Spec.OutputChannels;
        var output = new int[acc.Length];
        for (int i = 0; i < acc.Length; i++)
        {
            int c = i / perChannel;
            long scaled = Multiply(acc[i], q.RescaleFactor(c));
            output[i] = (int)Math.Clamp(q.Output!.ZeroPoint() + (layer.Spec.Relu ? Math.Max(scaled, 0) : scaled), q.Output.QMin, q.Output.QMax);
        }

        return output;
    }

    /// <summary>x·M rounded once, ties up, with M as TFLite stores it (a pure shift for powers of two).</summary>
    private static long Multiply(int x, double factor)
    {
        int exponent = Math.ILogB(factor);
        if (Math.ScaleB(1, exponent) == factor)
        {
            return exponent >= 0 ? (long)x << exponent : ((long)x + (1L << (-exponent - 1))) >> -exponent;
        }

        int shift = exponent + 1; // frexp: factor = q·2^shift, q in [0.5, 1)
        long m0 = (long)Math.Round(Math.ScaleB(factor, -shift) * (1L << 31), MidpointRounding.AwayFromZero);
        if (m0 == 1L << 31)
        {
            m0 /= 2;
            shift++;
        }

        int total = 31 - shift;
        return ((x * m0) + (1L << (total - 1))) >> total;
    }

    private static int[] MaxPool(int[] input, int channels, int side)
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
                    output[(c * outSide + oy) * outSide + ox] = Math.Max(Math.Max(input[b], input[b + 1]), Math.Max(input[b + side], input[b + side + 1]));
                }
            }
        }

        return output;
    }
}
