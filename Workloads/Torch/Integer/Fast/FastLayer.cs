using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// One layer's <see cref="IntegerKernel"/> run as im2col + packed integer GEMM (<see cref="PackedGemm"/>, or
/// <see cref="WidePackedGemm"/> for wide sums), then the kernel's own output stage per output
/// (<see cref="IntegerKernel.Finish"/>). The PE's operand transforms (zero-point subtraction, operand tables)
/// are applied once, when packing, through the kernel's own <see cref="IntegerKernel.PeActivation"/> and
/// <see cref="IntegerKernel.PeWeight"/>.
/// <para>
/// It computes what <see cref="LayerRunner"/> computes, bit for bit, because of three checks made here, once
/// per layer (<see cref="Create"/> returns null when the first fails, and the caller runs the kernel itself):
/// (0) the accumulator is an integer one (<see cref="IntegerKernel.AccumulatesIntegers"/>); (1) the kernel's product unit returns the plain product a·w for every activation operand of the code range
/// and every weight operand the layer holds, checked exhaustively (bit-serial and Bit Fusion units pass: their
/// shift-add arithmetic is exact on in-range operands); (2) the accumulator: the kernel wraps each sum modulo
/// 2^A (A ≤ 64). The int32 GEMM gives the exact sum modulo 2^32, which determines the sum modulo 2^A when
/// A ≤ 32, and for A &gt; 32 is the exact sum when Σ_k max|a|·|w_kn| &lt; 2^31 for every column; a layer with
/// A &gt; 32 whose bound fails runs the wide GEMM instead, whose sums modulo 2^64 (products of int32 operands
/// are exact in int64) determine the sum modulo 2^A for every A ≤ 64, wrapped to A before the output stage;
/// its int16 form is taken only when no −2^15 meets a −2^15 (<see cref="WidePackedGemm.MultiplyInt16IsExact"/>);
/// (3) the row sums of the folded form are plain sums of raw codes, wrapped once (wrapping per step, as the
/// array's adder does, gives the same residue).
/// </para>
/// </summary>
public sealed class FastLayer : IFastLayer
{
    private readonly IntegerKernel _kernel;
    private readonly ConvLayer? _conv;
    private readonly int _k;
    private readonly int _kPadded;
    private readonly int _groups;
    private readonly int _columnsPerGroup;
    private readonly int _codeMin;
    private readonly short[]? _weights16;
    private readonly int[]? _weights32;
    private readonly short[]? _operands16;
    private readonly int[]? _operands32;
    private readonly int _padOperand;
    private readonly bool _wide;

    private FastLayer(IntegerKernel kernel, ConvLayer? conv, bool narrow, bool wide)
    {
        _kernel = kernel;
        _wide = wide;
        _conv = conv;
        _k = kernel.ReductionLength;
        _kPadded = PackedGemm.Padded(_k);
        _groups = conv?.Groups ?? 1;
        _columnsPerGroup = kernel.OutputChannels / _groups;
        _codeMin = kernel.Activations.Min;
        int n = kernel.OutputChannels;
        int codes = kernel.Activations.Max - kernel.Activations.Min + 1;
        if (narrow)
        {
            _weights16 = new short[n * _kPadded];
            _operands16 = new short[codes];
        }
        else
        {
            _weights32 = new int[n * _kPadded];
            _operands32 = new int[codes];
        }

        for (int c = 0; c < n; c++)
        {
            for (int k = 0; k < _k; k++)
            {
                int w = kernel.PeWeight(kernel.Weight(k, c));
                if (narrow)
                {
                    _weights16![c * _kPadded + k] = (short)w;
                }
                else
                {
                    _weights32![c * _kPadded + k] = w;
                }
            }
        }

        for (int i = 0; i < codes; i++)
        {
            int a = kernel.PeActivation(_codeMin + i);
            if (narrow)
            {
                _operands16![i] = (short)a;
            }
            else
            {
                _operands32![i] = a;
            }
        }

        _padOperand = kernel.PeActivation(kernel.ActivationPadValue);
    }

    public IntegerKernel Kernel => _kernel;

    /// <summary>Whether operands travel as int16 (<c>vpmaddwd</c>) rather than int32.</summary>
    public bool Narrow => _weights16 is not null;

    /// <summary>Whether the sums are taken in int64 (<see cref="WidePackedGemm"/>): A &gt; 32 and the int32 bound fails.</summary>
    public bool Wide => _wide;

    /// <summary>
    /// The fast form of <paramref name="kernel"/> for a convolution (<paramref name="conv"/>) or a fully
    /// connected layer (null), or null when the product check (1) of the type's summary fails; check (2) picks
    /// the int32 or the int64 GEMM and never refuses.
    /// </summary>
    public static FastLayer? Create(IntegerKernel kernel, ConvLayer? conv)
    {
        // A floating-point accumulator rounds after every add: its sum depends on the order, not only on the
        // residue an integer GEMM computes.
        if (!kernel.AccumulatesIntegers)
        {
            return null;
        }

        var activationOperands = new List<int>();
        for (int a = kernel.Activations.Min; a <= kernel.Activations.Max; a++)
        {
            activationOperands.Add(kernel.PeActivation(a));
        }

        var weightOperands = new HashSet<int>();
        for (int c = 0; c < kernel.OutputChannels; c++)
        {
            for (int k = 0; k < kernel.ReductionLength; k++)
            {
                weightOperands.Add(kernel.PeWeight(kernel.Weight(k, c)));
            }
        }

        foreach (int a in activationOperands.Distinct())
        {
            foreach (int w in weightOperands)
            {
                if (kernel.Product.Multiply(a, w) != (long)a * w)
                {
                    return null;
                }
            }
        }

        bool wide = kernel.AccumulatorBits > 32 && !Int32SumsAreExact(kernel, activationOperands);
        bool narrow = activationOperands.All(a => a is >= short.MinValue and <= short.MaxValue)
            && weightOperands.All(w => w is >= short.MinValue and <= short.MaxValue)
            && (!wide || WidePackedGemm.MultiplyInt16IsExact(activationOperands, weightOperands));
        return new FastLayer(kernel, conv, narrow, wide);
    }

    /// <summary>Whether every column's sum stays within int32 whatever the activations: Σ_k max|a|·|w_kn| ≤ 2^31 − 1.</summary>
    private static bool Int32SumsAreExact(IntegerKernel kernel, List<int> activationOperands)
    {
        long maxA = activationOperands.Max(a => Math.Abs((long)a));
        for (int c = 0; c < kernel.OutputChannels; c++)
        {
            long bound = 0;
            for (int k = 0; k < kernel.ReductionLength && bound <= int.MaxValue; k++)
            {
                bound += maxA * Math.Abs((long)kernel.PeWeight(kernel.Weight(k, c)));
            }

            if (bound > int.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Output codes [oh][ow][f] (conv, input [h][w][c]) or [out] (fully connected, input [in]) of one image.</summary>
    public int[] Run(int[] input, Scratch scratch)
    {
        int rows = _conv is null ? 1 : _conv.OutputHeight * _conv.OutputWidth;
        int n = _kernel.OutputChannels;
        if (_wide)
        {
            Ensure(ref scratch.WideAccumulators, rows * n);
        }
        else
        {
            Ensure(ref scratch.Accumulators, rows * n);
        }

        if (_conv is null)
        {
            Accumulate(input, scratch);
        }
        else
        {
            AccumulateConv(input, scratch);
        }

        return Finish(input, rows, scratch);
    }

    /// <summary>Per-thread buffers (im2col rows, accumulators), grown on demand; the float layers' too (<see cref="FloatFastLayer"/>).</summary>
    public sealed class Scratch
    {
        public short[] Rows16 = [];
        public int[] Rows32 = [];
        public int[] Accumulators = [];
        public long[] WideAccumulators = [];
        public float[] RowsFloat = [];
        public float[] FloatAccumulators = [];
    }

    private void Accumulate(int[] input, Scratch scratch)
    {
        // Fully connected: one GEMM row.
        int n = _kernel.OutputChannels;
        if (Narrow)
        {
            Ensure(ref scratch.Rows16, _kPadded);
            Span<short> row = scratch.Rows16.AsSpan(0, _kPadded);
            row.Clear();
            for (int k = 0; k < _k; k++)
            {
                row[k] = _operands16![input[k] - _codeMin];
            }

            Multiply(row, 1, _weights16, n, 0, scratch);
        }
        else
        {
            Ensure(ref scratch.Rows32, _kPadded);
            Span<int> row = scratch.Rows32.AsSpan(0, _kPadded);
            row.Clear();
            for (int k = 0; k < _k; k++)
            {
                row[k] = _operands32![input[k] - _codeMin];
            }

            Multiply(row, 1, _weights32, n, 0, scratch);
        }
    }

    private void AccumulateConv(int[] input, Scratch scratch)
    {
        ConvLayer conv = _conv!;
        int pixels = conv.OutputHeight * conv.OutputWidth;
        if (Narrow)
        {
            Ensure(ref scratch.Rows16, pixels * _kPadded);
        }
        else
        {
            Ensure(ref scratch.Rows32, pixels * _kPadded);
        }

        for (int g = 0; g < _groups; g++)
        {
            Im2Col(input, g, scratch);
            int first = g * _columnsPerGroup;
            if (Narrow)
            {
                Multiply(scratch.Rows16.AsSpan(0, pixels * _kPadded), pixels,
                    _weights16.AsSpan(first * _kPadded, _columnsPerGroup * _kPadded), _columnsPerGroup, first, scratch);
            }
            else
            {
                Multiply(scratch.Rows32.AsSpan(0, pixels * _kPadded), pixels,
                    _weights32.AsSpan(first * _kPadded, _columnsPerGroup * _kPadded), _columnsPerGroup, first, scratch);
            }
        }
    }

    /// <summary>rows x columns sums into the accumulators from column <paramref name="first"/>, int32 or int64 as the layer needs.</summary>
    private void Multiply(ReadOnlySpan<short> rows, int count, ReadOnlySpan<short> weights, int columns, int first, Scratch scratch)
    {
        int n = _kernel.OutputChannels;
        if (_wide)
        {
            WidePackedGemm.Multiply(rows, count, weights, columns, _kPadded, scratch.WideAccumulators, first, n);
        }
        else
        {
            PackedGemm.Multiply(rows, count, weights, columns, _kPadded, scratch.Accumulators, first, n);
        }
    }

    private void Multiply(ReadOnlySpan<int> rows, int count, ReadOnlySpan<int> weights, int columns, int first, Scratch scratch)
    {
        int n = _kernel.OutputChannels;
        if (_wide)
        {
            WidePackedGemm.Multiply(rows, count, weights, columns, _kPadded, scratch.WideAccumulators, first, n);
        }
        else
        {
            PackedGemm.Multiply(rows, count, weights, columns, _kPadded, scratch.Accumulators, first, n);
        }
    }

    /// <summary>The raw activation code at GEMM row m, column k of group 0..: for the folded form's row sums.</summary>
    private int RawCode(int[] input, int m, int kIndex, int group)
    {
        ConvLayer conv = _conv!;
        int cg = conv.ChannelsPerGroup;
        int tap = kIndex / cg, c = kIndex % cg;
        int r = tap / conv.KernelWidth, s = tap % conv.KernelWidth;
        int oh = m / conv.OutputWidth, ow = m % conv.OutputWidth;
        int h = oh * conv.StrideH + r * conv.DilationH - conv.PadH;
        int w = ow * conv.StrideW + s * conv.DilationW - conv.PadW;
        bool inside = h >= 0 && h < conv.InputHeight && w >= 0 && w < conv.InputWidth;
        return inside ? input[(h * conv.InputWidth + w) * conv.InputChannels + group * cg + c] : _kernel.ActivationPadValue;
    }

    /// <summary>The im2col rows of group <paramref name="g"/> as PE operands, K padded with zero operands.</summary>
    private void Im2Col(int[] input, int g, Scratch scratch)
    {
        if (Narrow)
        {
            Im2Col(input, g, scratch.Rows16, _operands16!, (short)_padOperand);
        }
        else
        {
            Im2Col(input, g, scratch.Rows32, _operands32!, _padOperand);
        }
    }

    private void Im2Col<T>(int[] input, int g, T[] rows, T[] operands, T pad)
        where T : unmanaged => Fast.Im2Col.Fill(_conv!, input, g, rows, operands, pad, _codeMin, _k, _kPadded);

    /// <summary>
    /// The kernel's output stage on each accumulator (reduced to the accumulator width) with its row sum. An
    /// int32 sum is the exact sum (A &gt; 32, bound held) or its residue modulo 2^32 (A ≤ 32); an int64 sum is
    /// the residue modulo 2^64: either way wrapping it to A gives the kernel's accumulator.
    /// </summary>
    private int[] Finish(int[] input, int rows, Scratch scratch)
    {
        int n = _kernel.OutputChannels;
        int bits = _kernel.AccumulatorBits;
        var output = new int[rows * n];
        bool rowSums = _kernel.NeedsActivationRowSums;
        int[] narrowSums = scratch.Accumulators;
        long[] wideSums = scratch.WideAccumulators;
        for (int m = 0; m < rows; m++)
        {
            for (int g = 0; g < _groups; g++)
            {
                long rowSum = 0;
                if (rowSums)
                {
                    for (int k = 0; k < _k; k++)
                    {
                        rowSum += _conv is null ? input[k] : RawCode(input, m, k, g);
                    }

                    rowSum = Accumulator.Wrap(rowSum, bits);
                }

                for (int c = g * _columnsPerGroup; c < (g + 1) * _columnsPerGroup; c++)
                {
                    long acc = _wide ? Accumulator.Wrap(wideSums[m * n + c], bits)
                        : bits >= 32 ? narrowSums[m * n + c] : Accumulator.Wrap(narrowSums[m * n + c], bits);
                    output[m * n + c] = _kernel.Finish(acc, c, rowSum);
                }
            }
        }

        return output;
    }

    internal static void Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }
    }
}
