namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// One layer's integer datapath, cut the way hardware is: what a PE does each cycle
/// (<see cref="Mac"/>: operand transform, multiply, accumulate), what the array edge does once per
/// activation entering a row (<see cref="RowSumStep"/>, only when <see cref="NeedsActivationRowSums"/>),
/// and what the output unit does once per output (<see cref="Finish"/>). A systolic array calls these
/// per PE and per output; <see cref="Gemm"/> is the same arithmetic as plain loops.
/// <para>
/// The weights are the layer's GEMM view, K x N (N = output channels; a grouped convolution uses
/// the same K for every group). Codes are raw quantizer codes, zero points included.
/// </para>
/// <para>
/// Codes in, codes out, bit-exact: the accumulator is a two's-complement integer unless the kernel is given
/// another <see cref="IAccumulateUnit"/> (a floating-point PE, <see cref="FloatMacUnit"/>, whose register holds
/// a float bit pattern and whose operand tables hold float operands). Then the sum is order-dependent: every
/// implementation accumulates k = 0, 1, ..., K − 1 in that order, as a PE does.
/// </para>
/// </summary>
public sealed class IntegerKernel
{
    private readonly int[,] _weights;
    private readonly IProductUnit _product;
    private readonly IOutputStage _output;
    private readonly int _activationOffset;
    private readonly int _weightOffset;
    private readonly OperandTable? _activationOperands;
    private readonly OperandTable? _weightOperands;
    private readonly IAccumulateUnit _accumulate;

    /// <param name="weights">K x N weight codes.</param>
    /// <param name="accumulatorBits">Width of the PE accumulator; sums wrap modulo 2^bits.</param>
    /// <param name="product">The PE multiplier.</param>
    /// <param name="output">The per-output stage.</param>
    /// <param name="activations">Codes an activation may take.</param>
    /// <param name="weightRange">Codes a weight may take.</param>
    /// <param name="activationPadValue">The code of real zero, used for convolution padding.</param>
    /// <param name="peActivationZeroPoint">Subtracted from every activation inside the PE (in-PE offset form), else 0.</param>
    /// <param name="peWeightZeroPoint">Subtracted from every weight inside the PE, else 0.</param>
    /// <param name="activationOperands">
    /// When given, the multiplier operand of every activation code (e.g. its dequantized fixed-point
    /// value), replacing the zero-point subtraction; <paramref name="peActivationZeroPoint"/> must then be 0.
    /// </param>
    /// <param name="weightOperands">The same for weight codes.</param>
    /// <param name="accumulate">The PE's accumulate step; by default the two's-complement adder of <paramref name="accumulatorBits"/>.</param>
    public IntegerKernel(
        int[,] weights,
        int accumulatorBits,
        IProductUnit product,
        IOutputStage output,
        CodeRange activations,
        CodeRange weightRange,
        int activationPadValue,
        int peActivationZeroPoint = 0,
        int peWeightZeroPoint = 0,
        OperandTable? activationOperands = null,
        OperandTable? weightOperands = null,
        IAccumulateUnit? accumulate = null)
    {
        if ((activationOperands is not null && peActivationZeroPoint != 0) || (weightOperands is not null && peWeightZeroPoint != 0))
        {
            throw new ArgumentException("an operand table already includes the zero point; pass a zero point of 0 with it");
        }

        foreach (int w in weights)
        {
            if (!weightRange.Contains(w))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"weight code outside [{weightRange.Min}, {weightRange.Max}]");
            }
        }

        _weights = weights;
        AccumulatorBits = accumulatorBits;
        _product = product;
        _output = output;
        Activations = activations;
        ActivationPadValue = activationPadValue;
        _activationOffset = peActivationZeroPoint;
        _weightOffset = peWeightZeroPoint;
        _activationOperands = activationOperands;
        _weightOperands = weightOperands;
        _accumulate = accumulate ?? new WrappingAccumulator(accumulatorBits);
    }

    /// <summary>Dot-product length K.</summary>
    public int ReductionLength => _weights.GetLength(0);

    public int OutputChannels => _weights.GetLength(1);

    public int AccumulatorBits { get; }

    public CodeRange Activations { get; }

    public int ActivationPadValue { get; }

    public bool NeedsActivationRowSums => _output.NeedsActivationRowSums;

    public IOutputStage OutputStage => _output;

    /// <summary>The PE multiplier (a fast path checks it against a plain multiply before replacing it).</summary>
    public IProductUnit Product => _product;

    /// <summary>The PE's accumulate step.</summary>
    public IAccumulateUnit Accumulate => _accumulate;

    /// <summary>
    /// Whether the accumulator is the two's-complement adder of <see cref="AccumulatorBits"/>, so that any
    /// wrapping integer sum of the products (in any order, at any wider width) determines the outputs.
    /// </summary>
    public bool AccumulatesIntegers => _accumulate is WrappingAccumulator;

    public int Weight(int k, int channel) => _weights[k, channel];

    /// <summary>
    /// The operand transform at the PE input: a − z_a in the in-PE offset form, else a unchanged.
    /// An array that keeps its PEs a plain multiply-accumulate applies this to every activation it
    /// feeds in (the 1-bit-wider operand is then what its multiplier sees). With an operand table it
    /// is the table's value of the code (a dequantized fixed-point operand).
    /// </summary>
    public int PeActivation(int activation) => _activationOperands is { } table ? table[activation] : activation - _activationOffset;

    /// <summary>The weight-side operand transform: w − z_w in the in-PE form with weight zero points, else w (or the weight's table entry).</summary>
    public int PeWeight(int weight) => _weightOperands is { } table ? table[weight] : weight - _weightOffset;

    /// <summary>One PE cycle: acc + (a − z_a,pe)·(w − z_w,pe), wrapped to the accumulator width (or added in the accumulate unit's format).</summary>
    public long Mac(long accumulator, int activation, int weight) =>
        _accumulate.Accumulate(accumulator, _product.Multiply(PeActivation(activation), PeWeight(weight)));

    /// <summary>The row-sum adder at the array edge: Σx over the row so far, accumulator-wide.</summary>
    public long RowSumStep(long rowSum, int activation) => Accumulator.Wrap(rowSum + activation, AccumulatorBits);

    /// <summary>The output unit: accumulator to the next layer's code.</summary>
    public int Finish(long accumulator, int channel, long activationRowSum) => _output.Finish(accumulator, channel, activationRowSum);

    /// <summary>
    /// The output unit applied to accumulators an array produced: <paramref name="accumulators"/> is
    /// rows x <paramref name="channels"/> row-major, for weight columns starting at
    /// <paramref name="firstChannel"/>; <paramref name="activations"/> are the raw rows x K codes the
    /// array was fed (for the row sums when needed). An array whose adders wrap at 32 bits or any
    /// width ≥ <see cref="AccumulatorBits"/> gives the same outputs as <see cref="Gemm"/>, because the
    /// output stage first reduces modulo 2^A and 2^A divides the array's modulus.
    /// </summary>
    public int[] FinishRows(ReadOnlySpan<int> accumulators, ReadOnlySpan<int> activations, int firstChannel, int channels)
    {
        if (!AccumulatesIntegers)
        {
            throw new InvalidOperationException("a floating-point accumulator's outputs are not determined by wrapping integer sums; run the kernel's own Mac");
        }

        int k = ReductionLength;
        int rows = activations.Length / Math.Max(k, 1);
        if (activations.Length != rows * k || accumulators.Length != rows * channels)
        {
            throw new ArgumentException($"expected {rows} x {k} activations and {rows} x {channels} accumulators");
        }

        var outputs = new int[accumulators.Length];
        for (int m = 0; m < rows; m++)
        {
            long rowSum = 0;
            if (NeedsActivationRowSums)
            {
                foreach (int a in activations.Slice(m * k, k))
                {
                    rowSum = RowSumStep(rowSum, a);
                }
            }

            for (int n = 0; n < channels; n++)
            {
                outputs[m * channels + n] = Finish(accumulators[m * channels + n], firstChannel + n, rowSum);
            }
        }

        return outputs;
    }

    /// <summary>
    /// out[m, n] for n in [firstChannel, firstChannel + channels): the M x K activations times weight
    /// columns, each output finished by the output stage.
    /// </summary>
    public int[,] Gemm(int[,] activations, int firstChannel = 0, int channels = -1)
    {
        if (channels < 0)
        {
            channels = OutputChannels - firstChannel;
        }

        int rows = activations.GetLength(0);
        if (activations.GetLength(1) != ReductionLength)
        {
            throw new ArgumentException($"activations have {activations.GetLength(1)} columns, the weights {ReductionLength} rows", nameof(activations));
        }

        foreach (int a in activations)
        {
            if (!Activations.Contains(a))
            {
                throw new ArgumentOutOfRangeException(nameof(activations), a, $"activation code outside [{Activations.Min}, {Activations.Max}]");
            }
        }

        var result = new int[rows, channels];
        for (int m = 0; m < rows; m++)
        {
            long rowSum = 0;
            if (NeedsActivationRowSums)
            {
                for (int k = 0; k < ReductionLength; k++)
                {
                    rowSum = RowSumStep(rowSum, activations[m, k]);
                }
            }

            for (int n = 0; n < channels; n++)
            {
                long acc = 0;
                for (int k = 0; k < ReductionLength; k++)
                {
                    acc = Mac(acc, activations[m, k], _weights[k, firstChannel + n]);
                }

                result[m, n] = Finish(acc, firstChannel + n, rowSum);
            }
        }

        return result;
    }
}
