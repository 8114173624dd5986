using System.Numerics;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>
/// The dequantize forms written from their definition, independently of the production classes: the
/// scale's D-bit mantissa by repeated halving/doubling and decimal rounding, the shift by search, each
/// dequantized operand as an exact rational rounding, the dot product on BigInteger, the accumulator
/// width applied once, then the single-rounding requantization of <see cref="ReferenceRequantizer"/>.
/// </summary>
public static class ReferenceDequantizer
{
    /// <summary>(m, sh, f): s ≈ m·2^(e−D) with m in [2^(D−1), 2^D); sh least with r·m ≤ (2^(D−1) − 1)·2^sh; f = D − e − sh.</summary>
    public static (BigInteger M, int Shift, int Fraction) Constants(double scale, int zeroPoint, int qMin, int qMax, int bits)
    {
        var (q, e) = ReferenceRequantizer.Normalize(scale);

        var m = new BigInteger(Math.Round((decimal)q * (decimal)Math.Pow(2, bits), MidpointRounding.AwayFromZero));
        if (m == BigInteger.One << bits)
        {
            m /= 2;
            e++;
        }

        BigInteger r = BigInteger.Max(BigInteger.Max(BigInteger.Abs(qMin - zeroPoint), BigInteger.Abs(qMax - zeroPoint)), 1);
        int sh = 0;
        while (r * m > ((BigInteger.One << (bits - 1)) - 1) * BigInteger.Pow(2, sh))
        {
            sh++;
        }

        return (m, sh, bits - e - sh);
    }

    /// <summary>round((q − z)·m / 2^sh), ties toward +∞.</summary>
    public static BigInteger Dequantize(int code, int zeroPoint, BigInteger m, int shift) =>
        ReferenceRequantizer.RoundHalfUp((code - zeroPoint) * m, BigInteger.Pow(2, shift));

    /// <summary>Output codes of a conv layer (NHWC outputs, filter fastest) on the dequantize forms.</summary>
    public static int[] Conv(ConvLayer l, int[] input, int[] weights, LayerQuantization q, int accumulatorBits, int bits)
    {
        var (mx, shx, fx) = Constants(q.Input.Scale(), q.Input.ZeroPoint(), q.Input.QMin, q.Input.QMax, bits);
        var (mw, shw, fw) = Constants(q.Weights.Scale(), q.Weights.ZeroPoint(), q.Weights.QMin, q.Weights.QMax, bits);
        int zx = q.Input.ZeroPoint(), zw = q.Weights.ZeroPoint();
        var result = new int[l.OutputHeight * l.OutputWidth * l.Filters];
        int cg = l.InputChannels / l.Groups, fg = l.Filters / l.Groups;
        for (int oh = 0; oh < l.OutputHeight; oh++)
        {
            for (int ow = 0; ow < l.OutputWidth; ow++)
            {
                for (int f = 0; f < l.Filters; f++)
                {
                    int g = f / fg;
                    BigInteger sum = ReferenceRequantizer.RoundHalfUp(q.Bias[f] * mx * mw, BigInteger.Pow(2, shx + shw));
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
                                sum += Dequantize(x, zx, mx, shx) * Dequantize(wt, zw, mw, shw);
                            }
                        }
                    }

                    long acc = ReferenceLayers.Wrap(sum, accumulatorBits);
                    double unit = Math.Pow(2, -(fx + fw));
                    result[(oh * l.OutputWidth + ow) * l.Filters + f] = q.Output is null
                        ? (int)ReferenceRequantizer.Clamp(Rescale(acc, unit / (q.Input.Scale() * q.Weights.Scale())), int.MinValue, int.MaxValue)
                        : ReferenceLayers.MultiplierRequantize(acc, unit / q.Output.Scale(), q.Output.ZeroPoint(), q.Output.QMin, q.Output.QMax);
                }
            }
        }

        return result;
    }

    private static BigInteger Rescale(long acc, double factor)
    {
        var (m0, shift) = ReferenceRequantizer.QuantizeMultiplier(factor);
        return ReferenceRequantizer.MultiplyByQuantizedMultiplier((int)acc, m0, shift);
    }
}
