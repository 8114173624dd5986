using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.FixedPoint;

/// <summary>
/// Plain (dynamic) fixed point as in Ristretto: integers without zero point and with power-of-two scales
/// 2^−f (f fractional bits per tensor), so requantization is a rounding arithmetic shift by
/// f_in + f_w − f_out and a saturating clamp; no multiplier per output. Weights are signed; activations
/// are unsigned like every other variant's (they follow a ReLU, so a sign bit would waste half the codes;
/// Ristretto keeps layer outputs signed); the bias is aligned to 2^−(f_in+f_w).
/// </summary>
public sealed class FixedPointDatapath : IDatapath
{
    public string Name => "fixed-point";

    public string Summary => "symmetric integers, power-of-two scales; requantize by rounding shift and clamp";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => new(
        new QuantizerSpec(precision.WeightBits, true, Granularity.PerTensor, ScaleKind.PowerOfTwo, false),
        new QuantizerSpec(precision.ActivationBits, false, Granularity.PerTensor, ScaleKind.PowerOfTwo, false));

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        IOutputStage output = quantization.Output is null
            ? AccumulatorOutput.WithBias(quantization.Bias, precision.AccumulatorBits)
            : new ShiftOutputStage(
                quantization.Bias,
                quantization.Input.FractionalBits() + quantization.Weights.FractionalBits() - quantization.Output.FractionalBits(),
                precision.AccumulatorBits,
                quantization.Output.QMin,
                quantization.Output.QMax);
        return new IntegerKernel(
            weights, precision.AccumulatorBits, ArrayMultiplier.Instance, output,
            CodeRange.Of(quantization.Input.Spec), CodeRange.Of(quantization.Weights.Spec), activationPadValue: 0);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        HardwareOp[] output =
        [
            new(OpScope.PerOutput, OpKind.Add, acc, 0, 1, OpRole.Requantize, "bias add"),
            new(OpScope.PerOutput, OpKind.Shift, acc, 0, 1, OpRole.Requantize, "arithmetic right shift by f_in+f_w-f_out"),
            new(OpScope.PerOutput, OpKind.Add, acc, 0, 1, OpRole.Requantize, "round increment (ties toward +inf)"),
            new(OpScope.PerOutput, OpKind.Clamp, acc, ba, 1, OpRole.Requantize, "saturate to output codes"),
        ];
        return new(
            Name,
            "shift requantizer",
            precision,
            [.. MultiplierPe.MacOps(ba, bw, bw, ba, acc), .. output],
            [new("bias", acc, true), new("shift", 8, false)],
            [.. MultiplierPe.Components(ba, bw, bw, ba, acc)],
            [
                new("bias adder", ComponentKind.Adder, acc, 0, 1),
                new("barrel shifter", ComponentKind.Shifter, acc, 0, 1),
                new("rounding adder", ComponentKind.Adder, acc, 0, 1),
                new("clamp comparators", ComponentKind.Comparator, acc, 0, 2),
            ],
            PeThroughput.OnePerCycle)
        {
            Operands = new(ba, bw),
        };
    }
}
