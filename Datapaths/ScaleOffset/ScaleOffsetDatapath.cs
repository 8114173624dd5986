using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// Learned scale plus offset (LSQ+, asymmetric quantization): activations are unsigned codes with a
/// zero point z_x (an offset β rounded to a code, z = round(−β/s)); weights are signed and, with
/// <c>weights: asymmetric</c>, carry a per-tensor zero point z_w too. The output
/// q_out = z_out + M·Σ(x − z_x)(w − z_w) is computed in one of two hardware forms with identical
/// integer results (the accumulator wraps modulo 2^A, so the algebra holds even on overflow):
/// <list type="bullet">
/// <item><c>in-pe</c>: every PE subtracts the zero point(s) before multiplying, so its multiplier takes
/// a (b_a+1)-bit activation (and a (b_w+1)-bit weight when asymmetric) and it has a subtractor.</item>
/// <item><c>folded</c>: Σ(x−z_x)(w−z_w) = Σxw − z_w·Σx − z_x·Σw + K·z_x·z_w. The last two terms are
/// constant per channel and folded offline into the bias; z_w·Σx needs a row-sum adder at the array
/// edge and a multiply-subtract per output. The PE array is LSQ's.</item>
/// <item><c>edge</c>: the zero point is subtracted once per operand where it enters the array
/// (<see cref="EdgeForm"/>); the (b+1)-bit operands are held and forwarded, the PE has no subtractor.</item>
/// </list>
/// Two further forms dequantize the codes to D-bit fixed-point values (<c>dequant_bits</c>) and multiply
/// those: <c>dequantize-in-pe</c> in every PE, <c>dequantize-at-edge</c> once per operand at the array edge
/// (<see cref="DequantizeForms"/>). Their integers are defined by <see cref="DequantizingKernel"/>; they
/// equal each other but not the zero-point forms. <c>float-at-edge</c> dequantizes to floating point at the
/// edge and multiplies and accumulates in floating-point PEs (<c>float_multiply</c>, <c>float_accumulate</c>;
/// <see cref="FloatForm"/>).
/// </summary>
public sealed class ScaleOffsetDatapath : IDatapath
{
    public const string Form = "form";
    public const string InPe = "in-pe";
    public const string Folded = "folded";
    public const string Edge = "edge";
    public const string DequantizeInPe = "dequantize-in-pe";
    public const string DequantizeAtEdge = "dequantize-at-edge";
    public const string FloatAtEdge = "float-at-edge";
    public const string FloatMultiply = "float_multiply";
    public const string FloatAccumulate = "float_accumulate";
    public const string DequantBits = "dequant_bits";
    public const string WeightsOption = "weights";
    public const string Asymmetric = "asymmetric";

    public string Name => "scale-offset";

    public string Summary => "learned scale + zero point (LSQ+); offset handled in every PE or folded into per-output corrections";

    public IReadOnlyList<DatapathOption> Options { get; } =
    [
        new(Form, [InPe, Folded, Edge, DequantizeInPe, DequantizeAtEdge, FloatAtEdge], InPe,
            "in-pe: each PE subtracts the zero point before multiplying; folded: zero-point terms are added per output; "
            + "edge: the zero point is subtracted once per operand at the array edge; dequantize-in-pe / dequantize-at-edge: "
            + "codes become dequant_bits fixed-point values (in every PE / once at the edge) multiplied in a wide multiplier; "
            + "float-at-edge: codes become float_multiply values at the edge, multiplied and accumulated (float_accumulate) in floating-point PEs",
            ChangesNumerics: false)
        {
            // The three zero-point forms compute identical integers, the two dequantize forms another set.
            NumericsGroups = new Dictionary<string, string>
            {
                [InPe] = "zero-point", [Folded] = "zero-point", [Edge] = "zero-point",
                [DequantizeInPe] = "dequantize", [DequantizeAtEdge] = "dequantize",
                [FloatAtEdge] = "float",
            },
        },
        new(WeightsOption, ["symmetric", Asymmetric], "symmetric",
            "whether weights carry a zero point too (activations always do)"),
        new(DequantBits, ["8", "16"], "16",
            "fixed-point width of a dequantized operand in the dequantize forms (ignored by the others)"),
        new(FloatMultiply, ["fp16", "bf16", "fp32"], "fp16",
            "float-at-edge: the format of the dequantized operands and of the PE multiplier (ignored by the other forms)"),
        new(FloatAccumulate, ["fp16", "fp32"], "fp32",
            "float-at-edge: the format of the PE accumulator and the output unit (ignored by the other forms)"),
        RoundingOption.Option,
    ];

    public IReadOnlyList<DatapathForm> StudyForms { get; } =
    [
        DatapathForm.Of("scale-offset/in-pe", (Form, InPe)),
        DatapathForm.Of("scale-offset/folded", (Form, Folded)),
        DatapathForm.Of("scale-offset/edge", (Form, Edge)),
        DatapathForm.Of("scale-offset/dequantize-in-pe", (Form, DequantizeInPe)),
        DatapathForm.Of("scale-offset/dequantize-at-edge", (Form, DequantizeAtEdge)),
        // fp16 operands, fp32 accumulator: the float form whose integer inference has a fast path (FloatFastLayer).
        DatapathForm.Of("scale-offset/float-at-edge", (Form, FloatAtEdge)),
    ];

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => PrecisionRules.MultiplierOperands(precision);

    /// <summary>The dequantize forms also need an accumulator that holds one D x D product (2·D bits).</summary>
    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision, DatapathSettings settings)
    {
        foreach (var problem in CheckPrecision(precision))
        {
            yield return problem;
        }

        if (settings[Form] == FloatAtEdge)
        {
            var accumulate = FloatFormat.Of(settings[FloatAccumulate]);
            if (precision.AccumulatorBits != accumulate.Bits)
            {
                yield return new(DatapathProblem.AccumulatorBits,
                    $"accumulator bits ({precision.AccumulatorBits}) must be the {accumulate} accumulator's {accumulate.Bits} in form {FloatAtEdge} (float_accumulate: {accumulate})");
            }
        }

        if (IsDequantize(settings) && precision.AccumulatorBits < 2 * DequantizedBits(settings))
        {
            yield return new(DatapathProblem.AccumulatorBits,
                $"accumulator bits ({precision.AccumulatorBits}) must hold one {DequantizedBits(settings)} x {DequantizedBits(settings)}-bit product of dequantized operands ({2 * DequantizedBits(settings)}) in form {settings[Form]}");
        }
    }

    /// <summary>Whether the form multiplies dequantized fixed-point values instead of offset codes.</summary>
    public static bool IsDequantize(DatapathSettings settings) => settings[Form] is DequantizeInPe or DequantizeAtEdge;

    /// <summary>D, the fixed-point width of a dequantized operand.</summary>
    public static int DequantizedBits(DatapathSettings settings) => int.Parse(settings[DequantBits], System.Globalization.CultureInfo.InvariantCulture);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => new(
        new QuantizerSpec(precision.WeightBits, true, Granularity.PerTensor, ScaleKind.Real, settings[WeightsOption] == Asymmetric),
        new QuantizerSpec(precision.ActivationBits, false, Granularity.PerTensor, ScaleKind.Real, true));

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        bool floatPe = settings[Form] == FloatAtEdge;
        if (IsDequantize(settings) || floatPe)
        {
            // These forms' accumulators have rules of their own (at least 2·D bits; the float format's width).
            if (CheckPrecision(precision, settings).FirstOrDefault() is { } problem)
            {
                throw new ArgumentException($"{problem.Field}: {problem.Message}", nameof(precision));
            }

            return floatPe
                ? FloatForm.CreateKernel(quantization, weights, FloatFormat.Of(settings[FloatMultiply]), FloatFormat.Of(settings[FloatAccumulate]))
                : DequantizingKernel.Create(quantization, weights, precision, DequantizedBits(settings), RoundingOption.Of(settings));
        }

        // in-pe, edge and folded: the same integers. edge runs in-pe's arithmetic (x − z_x at the PE input
        // is the value the edge subtractor forwards).
        int zx = quantization.Input.ZeroPoint();
        int zw = quantization.Weights.ZeroPoint();
        bool folded = settings[Form] == Folded;
        int k = weights.GetLength(0);
        var bias = new long[quantization.OutputChannels];
        for (int c = 0; c < bias.Length; c++)
        {
            long correction = 0;
            if (folded)
            {
                // Offline: −z_x·Σ_k w[k,c] + K·z_x·z_w, folded into the channel's bias.
                long columnSum = 0;
                for (int i = 0; i < k; i++)
                {
                    columnSum += weights[i, c];
                }

                correction = -zx * columnSum + (long)k * zx * zw;
            }

            bias[c] = Accumulator.Wrap(quantization.Bias[c] + correction, precision.AccumulatorBits);
        }

        IOutputStage output = MultiplierKernels.OutputStage(
            quantization, new AccumulatorOutput([.. bias], folded ? zw : 0, precision.AccumulatorBits), RoundingOption.Of(settings));
        return new IntegerKernel(
            weights, precision.AccumulatorBits, ArrayMultiplier.Instance, output,
            CodeRange.Of(quantization.Input.Spec), CodeRange.Of(quantization.Weights.Spec),
            activationPadValue: zx,
            peActivationZeroPoint: folded ? 0 : zx,
            peWeightZeroPoint: folded ? 0 : zw);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        string weights = settings[WeightsOption] == Asymmetric ? "asymmetric" : "symmetric";
        var rounding = RoundingOption.Of(settings);
        switch (settings[Form])
        {
            case Edge:
                return EdgeForm.Inventory(Name, $"{Edge}, {weights} weights", precision, settings[WeightsOption] == Asymmetric, Parameters(precision, settings), rounding);
            case DequantizeInPe or DequantizeAtEdge:
                return DequantizeForms.Inventory(
                    Name, $"{settings[Form]} ({settings[DequantBits]}-bit), {weights} weights", precision,
                    settings[WeightsOption] == Asymmetric, DequantizedBits(settings), settings[Form] == DequantizeAtEdge, Parameters(precision, settings), rounding);
            case FloatAtEdge:
                return FloatForm.Inventory(
                    Name, $"{FloatAtEdge} ({settings[FloatMultiply]} multiply, {settings[FloatAccumulate]} accumulate), {weights} weights", precision,
                    settings[WeightsOption] == Asymmetric, FloatFormat.Of(settings[FloatMultiply]), FloatFormat.Of(settings[FloatAccumulate]));
        }

        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        bool asymmetric = settings[WeightsOption] == Asymmetric;
        bool folded = settings[Form] == Folded;
        var ops = new List<HardwareOp>();
        var pe = new List<HardwareComponent>();
        var lane = new List<HardwareComponent>(MultiplierRequantizer.LaneComponents(acc, true, rounding));
        var parameters = Parameters(precision, settings);

        if (folded)
        {
            ops.AddRange(MultiplierPe.MacOps(ba, bw, bw, ba, acc));
            pe.AddRange(MultiplierPe.Components(ba, bw, bw, ba, acc));
            if (asymmetric)
            {
                ops.Add(new(OpScope.PerRowActivation, OpKind.Add, acc, 0, 1, OpRole.RowSum, "row sum: accumulate x into Σx"));
                ops.Add(new(OpScope.PerRowActivation, OpKind.RegisterRead, acc, 0, 1, OpRole.RowSum, "row-sum register read"));
                ops.Add(new(OpScope.PerRowActivation, OpKind.RegisterWrite, acc, 0, 1, OpRole.RowSum, "row-sum register write"));
                ops.Add(new(OpScope.PerOutputRow, OpKind.Multiply, acc, bw, 1, OpRole.OffsetCorrection, "z_w x Σx (shared by the row's channels)"));
                ops.Add(new(OpScope.PerOutput, OpKind.Add, acc, 0, 1, OpRole.OffsetCorrection, "subtract z_w·Σx"));
                lane.Add(new("z_w·Σx subtractor", ComponentKind.Adder, acc, 0, 1));
            }
        }
        else
        {
            int ma = ba + 1, mw = asymmetric ? bw + 1 : bw;
            ops.Add(new(OpScope.PerMac, OpKind.Add, ma, 0, 1, OpRole.ZeroPoint, "x - z_x in the PE"));
            ops.Add(new(OpScope.PerMac, OpKind.RegisterRead, ba, 0, 1, OpRole.ZeroPoint, "z_x register"));
            pe.Add(new("activation zero-point subtractor", ComponentKind.Adder, ma, 0, 1));
            pe.Add(new("z_x register", ComponentKind.Register, ba, 0, 1));
            if (asymmetric)
            {
                ops.Add(new(OpScope.PerMac, OpKind.Add, mw, 0, 1, OpRole.ZeroPoint, "w - z_w in the PE"));
                ops.Add(new(OpScope.PerMac, OpKind.RegisterRead, bw, 0, 1, OpRole.ZeroPoint, "z_w register"));
                pe.Add(new("weight zero-point subtractor", ComponentKind.Adder, mw, 0, 1));
                pe.Add(new("z_w register", ComponentKind.Register, bw, 0, 1));
            }

            ops.AddRange(MultiplierPe.MacOps(ma, mw, bw, ba, acc));
            pe.InsertRange(0, MultiplierPe.Components(ma, mw, bw, ba, acc));
        }

        ops.AddRange(MultiplierRequantizer.OutputOps(acc, ba, outputZeroPoint: true, rounding));
        string form = $"{(folded ? Folded : InPe)}, {(asymmetric ? "asymmetric" : "symmetric")} weights";
        // The PE registers hold codes in both forms; in-PE subtracts the zero point after the register.
        return new(Name, form, precision, [.. ops], [.. parameters], [.. pe], [.. lane], PeThroughput.OnePerCycle) { Operands = new(ba, bw) };
    }

    /// <summary>
    /// The stored per-layer parameters: the requantizer's, the zero points and, in the dequantize forms,
    /// each operand's scale mantissa and shift.
    /// </summary>
    private static List<LayerParameter> Parameters(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits;
        var parameters = new List<LayerParameter>(MultiplierRequantizer.Parameters(precision.AccumulatorBits, perChannel: false, RoundingOption.Of(settings)))
        {
            new("activation zero point z_x", ba, false),
            new("output zero point z_out", ba, false),
        };
        if (settings[WeightsOption] == Asymmetric)
        {
            parameters.Add(new("weight zero point z_w", bw, false));
        }

        if (IsDequantize(settings))
        {
            int d = DequantizedBits(settings);
            parameters.Add(new("activation scale mantissa m_x", d, false));
            parameters.Add(new("activation dequantizer shift sh_x", 8, false));
            parameters.Add(new("weight scale mantissa m_w", d, false));
            parameters.Add(new("weight dequantizer shift sh_w", 8, false));
        }

        return parameters;
    }
}
