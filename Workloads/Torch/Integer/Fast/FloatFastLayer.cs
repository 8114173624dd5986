using System.Numerics;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// One layer of a floating-point PE kernel with a binary32 accumulator (scale-offset <c>float-at-edge</c>,
/// <c>float_accumulate: fp32</c>) run as im2col of the dequantized operands + a float GEMM vectorized over
/// output channels, then the kernel's own output stage. It computes what the kernel's
/// <see cref="FloatMacUnit"/> computes, bit for bit, because:
/// <list type="bullet">
/// <item>every operand (an fp16, bf16 or fp32 bit pattern) is exactly a binary32 value;</item>
/// <item>the unit's product round_fp32(a·w) is the machine's binary32 multiply, and its add the machine's
/// binary32 add (.NET never contracts a multiply and an add into one fused operation);</item>
/// <item>each accumulator starts at +0 and adds its K products in ascending k, the order of the kernel's loop
/// (lanes of a vector are independent accumulators, so vectorizing over output channels keeps each order);</item>
/// <item>a NaN sum reaches the output stage as the unit's one NaN pattern.</item>
/// </list>
/// An fp16 accumulator rounds every add to 11 bits, which binary32 arithmetic does not do in one step:
/// <see cref="Create"/> returns null for it and the kernel runs its own loops.
/// </summary>
public sealed class FloatFastLayer : IFastLayer
{
    private static readonly long NaNPattern = FloatFormat.Fp32.Round(double.NaN);

    private readonly IntegerKernel _kernel;
    private readonly ConvLayer? _conv;
    private readonly int _k;
    private readonly int _groups;
    private readonly int _columnsPerGroup;
    private readonly int _codeMin;
    private readonly float[] _operands;
    private readonly float _pad;

    // Group-major, then k, then the group's output channels: one k's weights for a vector of channels are contiguous.
    private readonly float[] _weights;

    private FloatFastLayer(IntegerKernel kernel, ConvLayer? conv, FloatFormat operands)
    {
        _kernel = kernel;
        _conv = conv;
        _k = kernel.ReductionLength;
        _groups = conv?.Groups ?? 1;
        _columnsPerGroup = kernel.OutputChannels / _groups;
        _codeMin = kernel.Activations.Min;
        _operands = new float[kernel.Activations.Max - kernel.Activations.Min + 1];
        for (int i = 0; i < _operands.Length; i++)
        {
            _operands[i] = (float)operands.ToDouble(kernel.PeActivation(_codeMin + i));
        }

        _pad = (float)operands.ToDouble(kernel.PeActivation(kernel.ActivationPadValue));
        _weights = new float[kernel.OutputChannels * _k];
        for (int g = 0; g < _groups; g++)
        {
            for (int k = 0; k < _k; k++)
            {
                for (int j = 0; j < _columnsPerGroup; j++)
                {
                    int c = g * _columnsPerGroup + j;
                    _weights[(g * _k + k) * _columnsPerGroup + j] = (float)operands.ToDouble(kernel.PeWeight(kernel.Weight(k, c)));
                }
            }
        }
    }

    public IntegerKernel Kernel => _kernel;

    /// <summary>The float form of <paramref name="kernel"/>, or null unless its MAC is a <see cref="FloatMacUnit"/> accumulating in fp32.</summary>
    public static FloatFastLayer? Create(IntegerKernel kernel, ConvLayer? conv)
    {
        if (kernel.Product is not FloatMacUnit product || kernel.Accumulate is not FloatMacUnit mac
            || product.MultiplyFormat != mac.MultiplyFormat || product.AccumulateFormat != mac.AccumulateFormat
            || mac.AccumulateFormat != FloatFormat.Fp32 || mac.MultiplyFormat.Bits > 32 || kernel.NeedsActivationRowSums)
        {
            return null;
        }

        return new FloatFastLayer(kernel, conv, mac.MultiplyFormat);
    }

    public int[] Run(int[] input, FastLayer.Scratch scratch)
    {
        int count = Accumulate(input, scratch);
        int n = _kernel.OutputChannels;
        var output = new int[count];
        for (int i = 0; i < count; i++)
        {
            output[i] = _kernel.Finish(Pattern(scratch.FloatAccumulators[i]), i % n, 0);
        }

        return output;
    }

    /// <summary>
    /// The accumulator registers (fp32 bit patterns, rows x output channels) before the output stage: what the
    /// kernel's <see cref="IntegerKernel.Mac"/> loop leaves in them.
    /// </summary>
    public long[] AccumulatorPatterns(int[] input, FastLayer.Scratch scratch)
    {
        int count = Accumulate(input, scratch);
        return [.. scratch.FloatAccumulators.Take(count).Select(Pattern)];
    }

    /// <summary>The register's bit pattern as the kernel's MAC unit writes it (its one NaN for every NaN).</summary>
    private static long Pattern(float sum) => float.IsNaN(sum) ? NaNPattern : (uint)BitConverter.SingleToInt32Bits(sum);

    /// <summary>Fills <c>scratch.FloatAccumulators</c> (rows x output channels) for one image; returns how many.</summary>
    private int Accumulate(int[] input, FastLayer.Scratch scratch)
    {
        int rows = _conv is null ? 1 : _conv.OutputHeight * _conv.OutputWidth;
        int n = _kernel.OutputChannels;
        FastLayer.Ensure(ref scratch.RowsFloat, rows * _k);
        FastLayer.Ensure(ref scratch.FloatAccumulators, rows * n);
        for (int g = 0; g < _groups; g++)
        {
            if (_conv is null)
            {
                for (int k = 0; k < _k; k++)
                {
                    scratch.RowsFloat[k] = _operands[input[k] - _codeMin];
                }
            }
            else
            {
                Im2Col.Fill(_conv, input, g, scratch.RowsFloat, _operands, _pad, _codeMin, _k, _k);
            }

            Multiply(scratch.RowsFloat.AsSpan(0, rows * _k), rows, g, scratch.FloatAccumulators, n);
        }

        return rows * n;
    }

    /// <summary>acc[m, first + j] = Σ_k a[m, k]·w[k, j] in binary32, k ascending, one rounding per multiply and per add.</summary>
    private void Multiply(ReadOnlySpan<float> rows, int count, int g, float[] accumulators, int n)
    {
        int columns = _columnsPerGroup, first = g * columns, width = Vector<float>.Count;
        ReadOnlySpan<float> weights = _weights.AsSpan(g * _k * columns, _k * columns);
        for (int m = 0; m < count; m++)
        {
            ReadOnlySpan<float> a = rows.Slice(m * _k, _k);
            Span<float> output = accumulators.AsSpan(m * n + first, columns);
            int j = 0;
            for (; j + width <= columns; j += width)
            {
                var sum = Vector<float>.Zero;
                for (int k = 0; k < a.Length; k++)
                {
                    var product = new Vector<float>(a[k]) * new Vector<float>(weights.Slice(k * columns + j, width));
                    sum += product;
                }

                sum.CopyTo(output.Slice(j));
            }

            for (; j < columns; j++)
            {
                float sum = 0f;
                for (int k = 0; k < a.Length; k++)
                {
                    float product = a[k] * weights[k * columns + j];
                    sum += product;
                }

                output[j] = sum;
            }
        }
    }
}
