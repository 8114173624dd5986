using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Float;

/// <summary>
/// The floating-point baseline every integer variant is compared with: nothing is quantized, weights and
/// activations are stored, moved and multiplied as IEEE values of <c>float_multiply</c> (fp16, bf16 or fp32),
/// and the PEs accumulate in <c>float_accumulate</c> (fp32 or fp16). It is the array of scale-offset's
/// <c>float-at-edge</c> form (<see cref="ScaleOffset.FloatForm"/>) without the edge dequantizers: the same
/// PE (<see cref="FloatMacUnit"/>), fed with floats instead of codes, with M-bit operands in every buffer.
/// <para>Numerics, with codes the operands' bit patterns (<see cref="ScaleKind.FloatPattern"/>):</para>
/// <code>
/// acc = round_A(... round_A(round_A(x_0·w_0) + round_A(x_1·w_1)) ...)   k = 0, 1, ..., K − 1 in order
/// out = round_M(round_A(acc + bias[c]))                                (FloatRoundingOutputStage)
/// </code>
/// The precision is the formats' own: operands of M's width, the accumulator of A's
/// (<see cref="FixedPrecision"/>), e.g. <c>w16a16acc32</c> for fp16 x fp32.
/// </summary>
public sealed class FloatDatapath : IDatapath
{
    public const string Multiply = "float_multiply";
    public const string Accumulate = "float_accumulate";

    public string Name => "float";

    public string Summary => "floating-point PEs on unquantized operands: the float baseline (fp16/bf16/fp32 multiply, fp32/fp16 accumulate)";

    public IReadOnlyList<DatapathOption> Options { get; } =
    [
        new(Multiply, ["fp16", "bf16", "fp32"], "fp16", "the format of weights and activations in memory, of the PE operands and of the multiplier"),
        new(Accumulate, ["fp32", "fp16"], "fp32", "the format of the PE accumulator and of the output unit's bias add"),
    ];

    public IReadOnlyList<DatapathForm> StudyForms { get; } =
    [
        DatapathForm.Of("float/fp16", (Multiply, "fp16")),
        DatapathForm.Of("float/bf16", (Multiply, "bf16")),
        DatapathForm.Of("float/fp32", (Multiply, "fp32")),
    ];

    /// <summary>The operand and accumulator widths of the two formats.</summary>
    public Precision FixedPrecision(DatapathSettings settings)
    {
        var (m, a) = Formats(settings);
        return new Precision(m.Bits, m.Bits, a.Bits);
    }

    /// <summary>Without settings only the widths any format has can be checked: 16 or 32 bits, operands alike.</summary>
    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision)
    {
        if (precision.WeightBits is not (16 or 32))
        {
            yield return new(DatapathProblem.WeightBits, $"weight bits must be a float format's width (16 or 32), got {precision.WeightBits}");
        }

        if (precision.ActivationBits != precision.WeightBits)
        {
            yield return new(DatapathProblem.ActivationBits, $"activation bits ({precision.ActivationBits}) must equal weight bits ({precision.WeightBits}): one float format holds both");
        }
    }

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision, DatapathSettings settings)
    {
        var (m, a) = Formats(settings);
        if (precision.WeightBits != m.Bits)
        {
            yield return new(DatapathProblem.WeightBits, $"weight bits ({precision.WeightBits}) must be {m.Bits}, the width of {Multiply}: {m}");
        }

        if (precision.ActivationBits != m.Bits)
        {
            yield return new(DatapathProblem.ActivationBits, $"activation bits ({precision.ActivationBits}) must be {m.Bits}, the width of {Multiply}: {m}");
        }

        if (precision.AccumulatorBits != a.Bits)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits ({precision.AccumulatorBits}) must be {a.Bits}, the width of {Accumulate}: {a}");
        }
    }

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings)
    {
        var spec = new QuantizerSpec(Formats(settings).Multiply.Bits, true, Granularity.PerTensor, ScaleKind.FloatPattern, false);
        return new(spec, spec);
    }

    /// <summary>
    /// Weights, activations and outputs are M bit patterns; the bias codes are A bit patterns; the schemes'
    /// scales are not read (nothing is quantized).
    /// </summary>
    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        if (CheckPrecision(precision, settings).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Message}", nameof(precision));
        }

        var (m, a) = Formats(settings);
        var codes = CodeRange.Of(quantization.Input.Spec);
        var mac = new FloatMacUnit(m, a);
        var stage = new FloatRoundingOutputStage(a, quantization.Output is null ? null : m, [.. quantization.Bias.Select(b => (long)b)]);
        // +0 is the pattern 0, so padding is the code 0 as in every symmetric variant.
        return new IntegerKernel(weights, a.Bits, mac, stage, codes, CodeRange.Of(quantization.Weights.Spec), activationPadValue: 0, accumulate: mac);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        var (m, a) = Formats(settings);
        var ops = new List<HardwareOp>(FloatPe.MacOps(m, a))
        {
            HardwareOp.Float(OpScope.PerOutput, OpKind.FloatAdd, a, OpRole.Requantize, "bias add"),
        };
        HardwareComponent[] pe = FloatPe.Components(m, a);
        var lane = new List<HardwareComponent> { HardwareComponent.Float("bias adder", ComponentKind.FloatAdder, a) };
        if (m != a)
        {
            // Rounding A to M: the round-to-nearest-even increment of M's significand; a narrower exponent
            // (fp32 to fp16) also needs the rebias, the range check (overflow to infinity, underflow to
            // subnormal) and the denormalising shift of a subnormal result.
            ops.Add(new(OpScope.PerOutput, OpKind.Add, m.Precision, 0, 1, OpRole.Requantize, $"round the significand to {m}"));
            lane.Add(new($"{m} rounding adder", ComponentKind.Adder, m.Precision, 0, 1));
            if (m.ExponentBits != a.ExponentBits)
            {
                ops.Add(new(OpScope.PerOutput, OpKind.Add, a.ExponentBits, 0, 1, OpRole.Requantize, $"rebias the exponent to {m}"));
                ops.Add(new(OpScope.PerOutput, OpKind.Clamp, a.ExponentBits, m.ExponentBits, 1, OpRole.Requantize, $"exponent range check for {m}"));
                ops.Add(new(OpScope.PerOutput, OpKind.Shift, m.Precision, 0, 1, OpRole.Requantize, $"denormalise a subnormal {m} result"));
                lane.Add(new("exponent rebias adder", ComponentKind.Adder, a.ExponentBits, 0, 1));
                lane.Add(new("exponent range comparators", ComponentKind.Comparator, a.ExponentBits, 0, 2));
                lane.Add(new("denormalising shifter", ComponentKind.Shifter, m.Precision, 0, 1));
            }
        }

        LayerParameter[] parameters = [new("bias", a.Bits, true)];
        return new(Name, $"{m} multiply, {a} accumulate", precision, [.. ops], [.. parameters], [.. pe], [.. lane], PeThroughput.OnePerCycle)
        {
            Operands = new(m.Bits, m.Bits),
        };
    }

    /// <summary>The format of the weights and activations (<c>float_multiply</c>).</summary>
    public static FloatFormat OperandFormat(DatapathSettings settings) => FloatFormat.Of(settings[Multiply]);

    private static (FloatFormat Multiply, FloatFormat Accumulate) Formats(DatapathSettings settings) =>
        (FloatFormat.Of(settings[Multiply]), FloatFormat.Of(settings[Accumulate]));
}
