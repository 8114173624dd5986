using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The <c>float-at-edge</c> form: LSQ+ codes dequantized to floating point once per operand at the array edge
/// (<see cref="FloatDequantizer"/>: x − z_x, converted, times the scale s_x held in the multiply format M), then
/// multiplied and accumulated by floating-point PEs (<see cref="FloatMacUnit"/>: M multiply, A accumulate), and
/// requantized per output in A (<see cref="FloatOutputStage"/>). The same array fed with floats instead of
/// codes is the floating-point baseline (<see cref="Float.FloatDatapath"/>): its PE, operand forwarding and accumulator cost the same.
/// <para>Numerics, with d_x, d_w the edge dequantizers:</para>
/// <code>
/// acc = round_A(... round_A(round_A(d_x(x_0)·d_w(w_0)) + round_A(d_x(x_1)·d_w(w_1))) ...)   k = 0, 1, ..., K − 1 in order
/// out = FloatOutputStage(acc): + bias[c] in A, · round_A(1/s_out), round half to even, + z_out, clamp
/// </code>
/// Hardware: one dequantizer per array row (each activation entering a row) and per array column (each weight):
/// a (b+1)-bit subtract of the zero point (weights only when asymmetric), an integer-to-float conversion (a
/// (b+1)-bit normalising shift, priced as a barrel shifter) and an M multiply by the scale register. Each PE
/// holds and forwards M-wide operands and has an M multiplier, an A adder and an A-bit accumulator register.
/// </summary>
public static class FloatForm
{
    public static IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, FloatFormat multiply, FloatFormat accumulate)
    {
        var activationCodes = CodeRange.Of(quantization.Input.Spec);
        var weightCodes = CodeRange.Of(quantization.Weights.Spec);
        double sx = quantization.Input.Scale(), sw = quantization.Weights.Scale();
        var dx = FloatDequantizer.Of(multiply, sx, quantization.Input.ZeroPoint());
        var dw = FloatDequantizer.Of(multiply, sw, quantization.Weights.ZeroPoint());
        var mac = new FloatMacUnit(multiply, accumulate);

        // The bias codes are in units of s_x·s_w; the host stores their real values, rounded once to A.
        var bias = quantization.Bias.Select(b => accumulate.Round(b * sx * sw)).ToArray();
        var output = quantization.Output;
        // A classifier writes its result in the accumulator unit s_x·s_w every variant writes (host reads acc·s_x·s_w).
        double rescale = output is null ? 1.0 / (sx * sw) : 1.0 / output.Scale();
        var stage = new FloatOutputStage(
            accumulate, [.. bias], accumulate.Round(rescale),
            output?.ZeroPoint() ?? 0, output?.QMin ?? int.MinValue, output?.QMax ?? int.MaxValue);
        return new IntegerKernel(
            weights, accumulate.Bits, mac, stage, activationCodes, weightCodes,
            activationPadValue: quantization.Input.ZeroPoint(),
            activationOperands: OperandTable.Of(activationCodes, dx.Apply),
            weightOperands: OperandTable.Of(weightCodes, dw.Apply),
            accumulate: mac);
    }

    public static HardwareInventory Inventory(
        string datapath, string form, Precision precision, bool asymmetric, FloatFormat multiply, FloatFormat accumulate)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, m = multiply.Bits, a = accumulate.Bits;
        var ops = new List<HardwareOp>();
        var rowEdge = new List<HardwareComponent>();
        var columnEdge = new List<HardwareComponent>();
        Dequantizer(ops, rowEdge, OpScope.PerRowActivation, ba, hasZeroPoint: true, multiply, "x", "z_x", "at the row edge");
        Dequantizer(ops, columnEdge, OpScope.PerWeight, bw, hasZeroPoint: asymmetric, multiply, "w", "z_w", "at the column edge");

        ops.AddRange(FloatPe.MacOps(multiply, accumulate));

        ops.Add(HardwareOp.Float(OpScope.PerOutput, OpKind.FloatAdd, accumulate, OpRole.Requantize, "bias add"));
        ops.Add(HardwareOp.Float(OpScope.PerOutput, OpKind.FloatMultiply, accumulate, OpRole.Requantize, "rescale: acc x 1/s_out"));
        ops.Add(new(OpScope.PerOutput, OpKind.Shift, a, 0, 1, OpRole.Requantize, "float to integer: align the significand"));
        ops.Add(new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, OpRole.Requantize, "round half to even"));
        ops.Add(new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, OpRole.Requantize, "output zero point add"));
        ops.Add(new(OpScope.PerOutput, OpKind.Clamp, 32, ba, 1, OpRole.Requantize, "clamp to the output code range"));

        HardwareComponent[] pe = FloatPe.Components(multiply, accumulate);
        HardwareComponent[] lane =
        [
            HardwareComponent.Float("bias adder", ComponentKind.FloatAdder, accumulate),
            HardwareComponent.Float("rescale multiplier", ComponentKind.FloatMultiplier, accumulate),
            new("float-to-integer shifter", ComponentKind.Shifter, a, 0, 1),
            new("rounding and zero-point adders", ComponentKind.Adder, 32, 0, 2),
            new("clamp comparators", ComponentKind.Comparator, 32, 0, 2),
        ];

        return new(datapath, form, precision, [.. ops], [.. Parameters(precision, asymmetric, multiply, accumulate)], [.. pe], [.. lane], PeThroughput.OnePerCycle)
        {
            Operands = new(m, m),
            RowEdgeComponents = [.. rowEdge],
            ColumnEdgeComponents = [.. columnEdge],
        };
    }

    /// <summary>What each layer stores: zero points, the two scales in M, per-channel biases and the rescale factor in A.</summary>
    private static IEnumerable<LayerParameter> Parameters(Precision precision, bool asymmetric, FloatFormat multiply, FloatFormat accumulate)
    {
        yield return new("bias", accumulate.Bits, true);
        yield return new("rescale factor 1/s_out", accumulate.Bits, false);
        yield return new("activation zero point z_x", precision.ActivationBits, false);
        yield return new("output zero point z_out", precision.ActivationBits, false);
        if (asymmetric)
        {
            yield return new("weight zero point z_w", precision.WeightBits, false);
        }

        yield return new("activation scale s_x", multiply.Bits, false);
        yield return new("weight scale s_w", multiply.Bits, false);
    }

    private static void Dequantizer(
        List<HardwareOp> ops, List<HardwareComponent> unit, OpScope scope, int codeBits, bool hasZeroPoint, FloatFormat format, string operand, string zeroPoint, string where)
    {
        int offsetBits = DequantizeForms.ZeroPointSubtractor(ops, unit, scope, codeBits, hasZeroPoint, operand, zeroPoint, where);

        ops.Add(new(scope, OpKind.Shift, offsetBits, 0, 1, OpRole.Dequantize, $"integer to {format}: normalising shift {where}"));
        ops.Add(HardwareOp.Float(scope, OpKind.FloatMultiply, format, OpRole.Dequantize, $"dequantize {operand}: x s_{operand} in {format} {where}"));
        ops.Add(new(scope, OpKind.RegisterRead, format.Bits, 0, 1, OpRole.Dequantize, $"s_{operand} register"));
        unit.Add(new($"{operand} integer-to-float shifter", ComponentKind.Shifter, offsetBits, 0, 1));
        unit.Add(HardwareComponent.Float($"{operand} dequantizer multiplier", ComponentKind.FloatMultiplier, format));
        unit.Add(new($"s_{operand} register", ComponentKind.Register, format.Bits, 0, 1));
    }
}
