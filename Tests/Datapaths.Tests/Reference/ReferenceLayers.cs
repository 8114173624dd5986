using System.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>
/// Straightforward quantized layers, written from the definitions and independent of the production
/// lowering: direct convolution loops over (oh, ow, f, r, s, c), exact BigInteger dot products of
/// (x − z_x)(w − z_w), then the accumulator width applied once at the end (a wrapping adder reduces
/// modulo 2^A, so one final reduction equals reducing after every step).
/// </summary>
public static class ReferenceLayers
{
    /// <summary>acc[oh][ow][f] = wrap(Σ (x − z_x)(w − z_w) + bias[f], A); padding reads real zero, i.e. x = z_x.</summary>
    public static long[] ConvAccumulators(ConvLayer l, int[] input, int[] weights, int zx, int zw, IReadOnlyList<int> bias, int accumulatorBits)
    {
        var result = new long[l.OutputHeight * l.OutputWidth * l.Filters];
        int cg = l.InputChannels / l.Groups, fg = l.Filters / l.Groups;
        for (int oh = 0; oh < l.OutputHeight; oh++)
        {
            for (int ow = 0; ow < l.OutputWidth; ow++)
            {
                for (int f = 0; f < l.Filters; f++)
                {
                    int g = f / fg;
                    BigInteger sum = bias[f];
                    for (int r = 0; r < l.KernelHeight; r++)
                    {
                        for (int s = 0; s < l.KernelWidth; s++)
                        {
                            for (int c = 0; c < cg; c++)
                            {
                                int h = oh * l.StrideH - l.PadH + r * l.DilationH;
                                int w = ow * l.StrideW - l.PadW + s * l.DilationW;
                                int x = h < 0 || w < 0 || h >= l.InputHeight || w >= l.InputWidth
                                    ? zx
                                    : input[(h * l.InputWidth + w) * l.InputChannels + g * cg + c];
                                int wt = weights[((f * l.KernelHeight + r) * l.KernelWidth + s) * cg + c];
                                sum += (BigInteger)(x - zx) * (wt - zw);
                            }
                        }
                    }

                    result[(oh * l.OutputWidth + ow) * l.Filters + f] = Wrap(sum, accumulatorBits);
                }
            }
        }

        return result;
    }

    /// <summary>acc[b][o] = wrap(Σ_i (x[b][i] − z_x)(w[o][i] − z_w) + bias[o], A).</summary>
    public static long[] FullyConnectedAccumulators(FullyConnectedLayer l, int[] input, int[] weights, int zx, int zw, IReadOnlyList<int> bias, int accumulatorBits)
    {
        var result = new long[l.Batch * l.OutputFeatures];
        for (int b = 0; b < l.Batch; b++)
        {
            for (int o = 0; o < l.OutputFeatures; o++)
            {
                BigInteger sum = bias[o];
                for (int i = 0; i < l.InputFeatures; i++)
                {
                    sum += (BigInteger)(input[b * l.InputFeatures + i] - zx) * (weights[o * l.InputFeatures + i] - zw);
                }

                result[b * l.OutputFeatures + o] = Wrap(sum, accumulatorBits);
            }
        }

        return result;
    }

    /// <summary>The signed A-bit value congruent to <paramref name="value"/> modulo 2^A.</summary>
    public static long Wrap(BigInteger value, int bits)
    {
        var modulus = BigInteger.One << bits;
        var r = BigInteger.Remainder(value, modulus);
        if (r.Sign < 0)
        {
            r += modulus;
        }

        if (r >= modulus / 2)
        {
            r -= modulus;
        }

        return (long)r;
    }

    /// <summary>Fixed point: round(acc / 2^shift) ties toward +∞ (a left shift when negative), then clamp.</summary>
    public static int ShiftRequantize(long acc, int shift, int qMin, int qMax)
    {
        BigInteger v = shift >= 0
            ? ReferenceRequantizer.RoundHalfUp(acc, BigInteger.Pow(2, shift))
            : (BigInteger)acc * BigInteger.Pow(2, -shift);
        return (int)ReferenceRequantizer.Clamp(v, qMin, qMax);
    }

    /// <summary>clamp(round(acc·M0 / 2^(31 − shift)) + z_out) with M0, shift from the reference QuantizeMultiplier.</summary>
    public static int MultiplierRequantize(long acc, double factor, int zOut, int qMin, int qMax)
    {
        var (m0, shift) = ReferenceRequantizer.QuantizeMultiplier(factor);
        BigInteger v = (BigInteger)ReferenceRequantizer.MultiplyByQuantizedMultiplier((int)acc, m0, shift) + zOut;
        return (int)ReferenceRequantizer.Clamp(v, qMin, qMax);
    }
}
