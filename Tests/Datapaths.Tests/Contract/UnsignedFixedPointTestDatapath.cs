using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>
/// A variant that exists only in the test assembly, to show that a new variant is one class a
/// registry can be given (<c>DatapathRegistry.Default.With</c>): power-of-two scales with unsigned activations and a fixed rounding shift,
/// built entirely from the shared numerics and inventory parts.
/// </summary>
public sealed class UnsignedFixedPointTestDatapath : IDatapath
{
    public string Name => "unsigned-fixed-point-test";

    public string Summary => "test-only: power-of-two scales, unsigned activations";

    public IReadOnlyList<DatapathOption> Options { get; } = [new("rounding", ["nearest"], "nearest", "the only rounding it has")];

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => new(
        new QuantizerSpec(precision.WeightBits, true, Granularity.PerTensor, ScaleKind.PowerOfTwo, false),
        new QuantizerSpec(precision.ActivationBits, false, Granularity.PerTensor, ScaleKind.PowerOfTwo, false));

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        var output = quantization.Output ?? throw new ArgumentException("this test variant always requantizes", nameof(quantization));
        int shift = quantization.Input.FractionalBits() + quantization.Weights.FractionalBits() - output.FractionalBits();
        return new IntegerKernel(
            weights, precision.AccumulatorBits, ArrayMultiplier.Instance,
            new ShiftOutputStage(quantization.Bias, shift, precision.AccumulatorBits, output.QMin, output.QMax),
            CodeRange.Of(quantization.Input.Spec), CodeRange.Of(quantization.Weights.Spec), activationPadValue: 0);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        return new(
            Name, "test", precision,
            [.. MultiplierPe.MacOps(ba, bw, bw, ba, acc), new(OpScope.PerOutput, OpKind.Shift, acc, 0, 1, OpRole.Requantize, "rounding shift")],
            [new("shift", 8, false)],
            [.. MultiplierPe.Components(ba, bw, bw, ba, acc)],
            [],
            PeThroughput.OnePerCycle)
        {
            Operands = new(ba, bw),
        };
    }
}
