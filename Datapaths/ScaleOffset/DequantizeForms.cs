using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The hardware of the two dequantize forms (numerics in <see cref="DequantizingKernel"/>). A dequantizer of
/// a b-bit code with zero point forms q − z (a (b+1)-bit subtract, its z register read), multiplies it by the
/// D-bit scale mantissa m ((b+1) x D; b x D for symmetric weights, which have no subtract), adds the
/// rounding half 2^(sh−1) and shifts right by sh at the product's width, reading the m and sh registers.
/// <list type="bullet">
/// <item><c>dequantize-in-pe</c>: every PE holds and forwards the b-bit codes and dequantizes both operands
/// each MAC (counted per MAC for the stationary operand too: a PE that holds codes multiplies their value
/// anew each time), then multiplies in a D x D multiplier.</item>
/// <item><c>dequantize-at-edge</c>: one activation dequantizer per array row (once per activation entering
/// a row) and one weight dequantizer per array column (once per weight); the PEs hold and forward the
/// D-bit values and have the D x D multiplier but no dequantizer.</item>
/// </list>
/// The accumulator is the configured one, at least 2·D bits (<see cref="ScaleOffsetDatapath.CheckPrecision(Precision, Contract.DatapathSettings)"/>).
/// </summary>
public static class DequantizeForms
{
    public static HardwareInventory Inventory(
        string datapath, string form, Precision precision, bool asymmetric, int dequantBits, bool atEdge, IReadOnlyList<LayerParameter> parameters,
        RequantizeRounding rounding = RequantizeRounding.FixedPoint)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits, d = dequantBits;
        var activationScope = atEdge ? OpScope.PerRowActivation : OpScope.PerMac;
        var weightScope = atEdge ? OpScope.PerWeight : OpScope.PerMac;
        string where = atEdge ? "at the row edge" : "in the PE";
        string weightWhere = atEdge ? "at the column edge" : "in the PE";
        var ops = new List<HardwareOp>();
        var activationUnit = new List<HardwareComponent>();
        var weightUnit = new List<HardwareComponent>();
        Dequantizer(ops, activationUnit, activationScope, ba, hasZeroPoint: true, d, "x", "z_x", where);
        Dequantizer(ops, weightUnit, weightScope, bw, hasZeroPoint: asymmetric, d, "w", "z_w", weightWhere);

        // The PE operand registers hold codes (in-PE) or the D-bit values (at the edge).
        int heldWeight = atEdge ? d : bw, heldActivation = atEdge ? d : ba;
        ops.AddRange(MultiplierPe.MacOps(d, d, heldWeight, heldActivation, acc));
        ops.AddRange(MultiplierRequantizer.OutputOps(acc, ba, outputZeroPoint: true, rounding));
        var pe = new List<HardwareComponent>(MultiplierPe.Components(d, d, heldWeight, heldActivation, acc));
        if (!atEdge)
        {
            pe.AddRange(activationUnit);
            pe.AddRange(weightUnit);
        }

        return new(datapath, form, precision, [.. ops], [.. parameters], [.. pe], [.. MultiplierRequantizer.LaneComponents(acc, true, rounding)], PeThroughput.OnePerCycle)
        {
            Operands = new(heldActivation, heldWeight),
            RowEdgeComponents = atEdge ? [.. activationUnit] : [],
            ColumnEdgeComponents = atEdge ? [.. weightUnit] : [],
        };
    }

    /// <summary>
    /// The q − z subtract every dequantizer starts with, and its z register, when the operand has a zero point;
    /// returns the width of the offset code ((b+1) bits with a zero point, b without).
    /// </summary>
    internal static int ZeroPointSubtractor(
        List<HardwareOp> ops, List<HardwareComponent> unit, OpScope scope, int codeBits, bool hasZeroPoint, string operand, string zeroPoint, string where)
    {
        if (!hasZeroPoint)
        {
            return codeBits;
        }

        int offsetBits = codeBits + 1;
        ops.Add(new(scope, OpKind.Add, offsetBits, 0, 1, OpRole.ZeroPoint, $"{operand} - {zeroPoint} {where}"));
        ops.Add(new(scope, OpKind.RegisterRead, codeBits, 0, 1, OpRole.ZeroPoint, $"{zeroPoint} register"));
        unit.Add(new($"{operand} zero-point subtractor", ComponentKind.Adder, offsetBits, 0, 1));
        unit.Add(new($"{zeroPoint} register", ComponentKind.Register, codeBits, 0, 1));
        return offsetBits;
    }

    /// <summary>One operand's dequantizer: its ops at <paramref name="scope"/> and its components.</summary>
    private static void Dequantizer(
        List<HardwareOp> ops, List<HardwareComponent> unit, OpScope scope, int codeBits, bool hasZeroPoint, int d, string operand, string zeroPoint, string where)
    {
        int offsetBits = ZeroPointSubtractor(ops, unit, scope, codeBits, hasZeroPoint, operand, zeroPoint, where);
        int productBits = offsetBits + d;

        string m = $"m_{operand}", sh = $"sh_{operand}";
        ops.Add(new(scope, OpKind.Multiply, offsetBits, d, 1, OpRole.Dequantize, $"dequantize {operand}: ({operand} - {zeroPoint}) x {m} {where}"));
        ops.Add(new(scope, OpKind.Add, productBits, 0, 1, OpRole.Dequantize, $"dequantize {operand}: add the rounding half 2^({sh}-1)"));
        ops.Add(new(scope, OpKind.Shift, productBits, 0, 1, OpRole.Dequantize, $"dequantize {operand}: arithmetic right shift by {sh}"));
        ops.Add(new(scope, OpKind.RegisterRead, d, 0, 1, OpRole.Dequantize, $"{m} register"));
        ops.Add(new(scope, OpKind.RegisterRead, 8, 0, 1, OpRole.Dequantize, $"{sh} register"));
        unit.Add(new($"{operand} dequantizer multiplier", ComponentKind.Multiplier, offsetBits, d, 1));
        unit.Add(new($"{operand} dequantizer rounding adder", ComponentKind.Adder, productBits, 0, 1));
        unit.Add(new($"{operand} dequantizer shifter", ComponentKind.Shifter, productBits, 0, 1));
        unit.Add(new($"{m} register", ComponentKind.Register, d, 0, 1));
        unit.Add(new($"{sh} register", ComponentKind.Register, 8, 0, 1));
    }
}
