using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.FixedPoint;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Cli.Tests.TestVariant;

/// <summary>
/// A variant that exists only in this folder of the test project, to prove that a new variant needs
/// nothing else: fixed-point numerics (power-of-two scales, rounding-shift requantizer) on its own
/// hardware, with one hardware option
/// (<c>lanes</c>: one or two output lanes per column, the same integers) that the study enumerates as two
/// forms and a sweep can vary.
/// </summary>
public sealed class ShiftOnlyTestDatapath : IDatapath
{
    public const string Lanes = "lanes";

    public string Name => "shift-only-test";

    public string Summary => "test-only: power-of-two scales, rounding-shift requantizer";

    public IReadOnlyList<DatapathOption> Options { get; } =
        [new(Lanes, ["one", "two"], "one", "output lanes per array column (hardware only)", ChangesNumerics: false)];

    public IReadOnlyList<DatapathForm> StudyForms { get; } =
        [DatapathForm.Of("shift-only-test/one-lane", (Lanes, "one")), DatapathForm.Of("shift-only-test/two-lanes", (Lanes, "two"))];

    // Plain fixed-point numerics; what is this variant's own is its hardware (the lanes option) and its forms.
    private static readonly FixedPointDatapath Numerics = new();

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => Numerics.CheckPrecision(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => Numerics.Quantizers(precision, settings);

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings) =>
        Numerics.CreateKernel(quantization, weights, precision, settings);

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        int lanes = settings[Lanes] == "two" ? 2 : 1;
        return new(
            Name, settings[Lanes] + " lane(s)", precision,
            [
                .. MultiplierPe.MacOps(ba, bw, bw, ba, acc),
                new(OpScope.PerOutput, OpKind.Add, acc, 0, 1, OpRole.Requantize, "bias add"),
                new(OpScope.PerOutput, OpKind.Shift, acc, 0, 1, OpRole.Requantize, "rounding shift"),
                new(OpScope.PerOutput, OpKind.Clamp, acc, ba, 1, OpRole.Requantize, "saturate"),
            ],
            [new("bias", acc, true), new("shift", 8, false)],
            [.. MultiplierPe.Components(ba, bw, bw, ba, acc)],
            [new("bias adder", ComponentKind.Adder, acc, 0, lanes), new("barrel shifter", ComponentKind.Shifter, acc, 0, lanes), new("clamp comparators", ComponentKind.Comparator, acc, 0, 2 * lanes)],
            PeThroughput.OnePerCycle)
        {
            Operands = new(ba, bw),
        };
    }
}
