using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.MixedPrecision;

/// <summary>
/// Per-layer bit-widths (2, 4, 8 or 16, taken from each layer of the workload) with LSQ numerics
/// (signed weights, unsigned activations, per-tensor int32 multiplier; the clamp range follows the
/// layer's bits), on a precision-flexible PE:
/// <list type="bullet">
/// <item><c>bit-composable</c>: a Bit Fusion unit of 16 BitBricks (2x2), i.e. one 8x8, four 4x4 or
/// sixteen 2x2 products per cycle; 16-bit operands take several cycles (16x16: 4 cycles).</item>
/// <item><c>bit-serial</c>: 16 lanes, each a b_w-bit AND gate array and an accumulator-wide
/// shift-adder taking one activation bit per cycle (Stripes-style), i.e. 16/b_a MACs per cycle.</item>
/// </list>
/// </summary>
public sealed class MixedPrecisionDatapath : IDatapath
{
    public const string Pe = "pe";
    public const string BitComposable = "bit-composable";
    public const string BitSerial = "bit-serial";
    public const string MacUnit = "mac_unit";
    public const string Synthesis = "synthesis";
    public const string Components = "components";

    /// <summary>BitBricks in one fusion unit (Bit Fusion's 8x8 fusion unit).</summary>
    public const int BitBricksPerPe = 16;

    /// <summary>Bit-serial lanes per PE: at 16-bit activations it matches one 16-bit parallel MAC per cycle, as in Stripes.</summary>
    public const int SerialLanes = 16;

    /// <summary>Widest weight a bit-serial lane holds.</summary>
    public const int SerialLaneWeightBits = 16;

    private static readonly int[] SupportedBits = [2, 4, 8, 16];

    public string Name => "mixed-precision";

    public string Summary => "per-layer 2/4/8/16-bit operands on a bit-composable or bit-serial PE";

    public bool RequiresLayerPrecision => true;

    public IReadOnlyList<DatapathOption> Options { get; } =
    [
        new(Pe, [BitComposable, BitSerial], BitComposable,
            "bit-composable: Bit Fusion fusion units; bit-serial: one activation bit per cycle",
            ChangesNumerics: false),
        // Bit Fusion's synthesis prices the fusion unit whole, while every fixed PE is priced from its parts
        // (multiplier, adder, registers) with the cost table's component figures: two sources whose orderings
        // disagree (BF's own fixed 8-bit PE costs 0.2034 pJ a cycle against the unit's 0.4592). `components`
        // prices the unit from its listed parts with the same figures as every other PE, so the comparison
        // with fixed PEs has one source.
        new(MacUnit, [Synthesis, Components], Synthesis,
            "bit-composable only: synthesis prices the Bit Fusion unit whole (BF's synthesized PE, registers and clock included); components prices its BitBricks, adder tree, accumulator and registers from the cost table, like every fixed PE",
            ChangesNumerics: false),
    ];

    public IReadOnlyList<DatapathForm> StudyForms { get; } =
    [
        DatapathForm.Of("mixed-precision", (Pe, BitComposable)),
        DatapathForm.Of("mixed-precision/components", (Pe, BitComposable), (MacUnit, Components)),
    ];

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision)
    {
        if (!SupportedBits.Contains(precision.WeightBits))
        {
            yield return new(DatapathProblem.WeightBits, $"weight bits must be one of 2, 4, 8, 16, got {precision.WeightBits}");
        }

        if (!SupportedBits.Contains(precision.ActivationBits))
        {
            yield return new(DatapathProblem.ActivationBits, $"activation bits must be one of 2, 4, 8, 16, got {precision.ActivationBits}");
        }

        if (precision.AccumulatorBits < precision.WeightBits + precision.ActivationBits)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits ({precision.AccumulatorBits}) must hold one product ({precision.WeightBits + precision.ActivationBits} bits)");
        }

        if (precision.AccumulatorBits > 32)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits must be at most 32 for the int32 requantizer, got {precision.AccumulatorBits}");
        }
    }

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => new(
        new QuantizerSpec(precision.WeightBits, true, Granularity.PerTensor, ScaleKind.Real, false),
        new QuantizerSpec(precision.ActivationBits, false, Granularity.PerTensor, ScaleKind.Real, false));

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        IProductUnit product = settings[Pe] == BitSerial
            ? new BitSerialMultiplier(precision.ActivationBits, activationSigned: false)
            : new BitFusionMultiplier(precision.ActivationBits, false, precision.WeightBits, true);
        return MultiplierKernels.Symmetric(quantization, weights, precision, product);
    }

    /// <summary>MACs per PE per cycle at a precision for the chosen PE.</summary>
    public static PeThroughput Throughput(Precision precision, bool bitSerial) =>
        bitSerial
            ? new PeThroughput(SerialLanes, precision.ActivationBits)
            : new PeThroughput(BitBricksPerPe, BitFusionMultiplier.Bricks(precision.WeightBits) * BitFusionMultiplier.Bricks(precision.ActivationBits));

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        bool serial = settings[Pe] == BitSerial;
        var ops = new List<HardwareOp>();
        HardwareComponent[] pe;
        if (serial)
        {
            // Per MAC: b_a cycles of an AND-gated weight shifted into the accumulator.
            ops.Add(new(OpScope.PerMac, OpKind.And, bw, 0, ba, OpRole.PartialProduct, "gate w by one activation bit"));
            ops.Add(new(OpScope.PerMac, OpKind.Add, acc, 0, ba, OpRole.PartialProduct, "shift-accumulate one partial product"));
            ops.Add(new(OpScope.PerMac, OpKind.RegisterRead, 1, 0, ba, OpRole.OperandRegister, "activation bit"));
            ops.AddRange(MultiplierPe.RegisterOps(bw, ba, acc, ba, readActivationRegister: false));
            pe =
            [
                new("AND gate array (one lane)", ComponentKind.AndArray, SerialLaneWeightBits, 0, SerialLanes),
                new("shift-accumulate adder (one lane)", ComponentKind.Adder, acc, 0, SerialLanes),
                new("weight register (one lane)", ComponentKind.Register, SerialLaneWeightBits, 0, SerialLanes),
                new("activation register (one lane, shifted out bit by bit)", ComponentKind.Register, SerialLaneWeightBits, 0, SerialLanes),
                new("accumulator register (one lane)", ComponentKind.Register, acc, 0, SerialLanes),
            ];
        }
        else
        {
            // With synthesis pricing the table prices a whole MAC on the fusion unit (its products, adder tree,
            // accumulate and pipeline registers); the parts are listed so a reader sees what the unit does.
            // With component pricing the parts are the priced operations and components themselves.
            bool whole = settings[MacUnit] == Synthesis;
            int bricks = BitFusionMultiplier.Bricks(bw) * BitFusionMultiplier.Bricks(ba);
            if (whole)
            {
                ops.Add(new(OpScope.PerMac, OpKind.ComposableMac, bw, ba, 1, OpRole.MacMultiply, "one MAC on the Bit Fusion unit (priced as its share; includes the parts below)"));
            }

            var parts = new List<HardwareOp>
            {
                new(OpScope.PerMac, OpKind.Multiply, 3, 3, bricks, OpRole.PartialProduct, "BitBrick 2-bit products (sign-extended to 3 bits)"),
            };
            if (bricks > 1)
            {
                parts.Add(new(OpScope.PerMac, OpKind.Add, bw + ba, 0, bricks - 1, OpRole.PartialProduct, "shift-add tree over brick products"));
            }

            parts.Add(new(OpScope.PerMac, OpKind.Add, acc, 0, 1, OpRole.Accumulate, "accumulate"));
            parts.AddRange(MultiplierPe.RegisterOps(bw, ba, acc, 1));
            ops.AddRange(parts.Select(o => o with { InsideMacUnit = whole }));
            HardwareComponent[] unitParts =
            [
                new("BitBrick (2-bit signed/unsigned multiplier)", ComponentKind.Multiplier, 3, 3, BitBricksPerPe) { InsideMacUnit = whole },
                new("shift-add tree adders", ComponentKind.Adder, 16, 0, BitBricksPerPe - 1) { InsideMacUnit = whole },
                new("accumulator adder", ComponentKind.Adder, acc, 0, 1) { InsideMacUnit = whole },
                new("weight register", ComponentKind.Register, 8, 0, 1),
                new("activation register", ComponentKind.Register, 8, 0, 1),
                new("accumulator register", ComponentKind.Register, acc, 0, 1),
            ];
            pe = whole ? [new("Bit Fusion unit", ComponentKind.BitComposableMac, 8, 8, 1), .. unitParts] : unitParts;
        }

        ops.AddRange(MultiplierRequantizer.OutputOps(acc, ba, false));
        return new(
            Name,
            serial ? BitSerial : BitComposable,
            precision,
            [.. ops],
            [.. MultiplierRequantizer.Parameters(acc, perChannel: false), new("layer bit-widths (b_w, b_a)", 8, false)],
            [.. pe],
            [.. MultiplierRequantizer.LaneComponents(acc, false)],
            Throughput(precision, serial))
        {
            Operands = new(ba, bw),
        };
    }
}
