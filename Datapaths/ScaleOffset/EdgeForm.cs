using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The <c>edge</c> zero-point form's hardware: x − z_x is formed once per activation as it enters an array
/// row (a (b_a+1)-bit subtractor and the z_x register at each row's edge) and, with asymmetric weights,
/// w − z_w once per weight as it enters a column (counted once per weight, <see cref="OpScope.PerWeight"/>).
/// The PEs then hold and forward the (b+1)-bit offset operands: no subtractor in the PE, but its
/// multiplier is (b_a+1) x b_w (x (b_w+1) asymmetric) as in <c>in-pe</c>, and its activation register and
/// forwarding write (and weight register when asymmetric) are one bit wider than LSQ's.
/// </summary>
public static class EdgeForm
{
    public static HardwareInventory Inventory(string datapath, string form, Precision precision, bool asymmetric, IReadOnlyList<LayerParameter> parameters,
        RequantizeRounding rounding = RequantizeRounding.FixedPoint)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        int ma = ba + 1, mw = asymmetric ? bw + 1 : bw;
        var ops = new List<HardwareOp>
        {
            new(OpScope.PerRowActivation, OpKind.Add, ma, 0, 1, OpRole.ZeroPoint, "x - z_x at the row edge"),
            new(OpScope.PerRowActivation, OpKind.RegisterRead, ba, 0, 1, OpRole.ZeroPoint, "z_x register at the row edge"),
        };
        var rowEdge = new List<HardwareComponent>
        {
            new("activation zero-point subtractor", ComponentKind.Adder, ma, 0, 1),
            new("z_x register", ComponentKind.Register, ba, 0, 1),
        };
        var columnEdge = new List<HardwareComponent>();
        if (asymmetric)
        {
            ops.Add(new(OpScope.PerWeight, OpKind.Add, mw, 0, 1, OpRole.ZeroPoint, "w - z_w at the column edge"));
            ops.Add(new(OpScope.PerWeight, OpKind.RegisterRead, bw, 0, 1, OpRole.ZeroPoint, "z_w register at the column edge"));
            columnEdge.Add(new("weight zero-point subtractor", ComponentKind.Adder, mw, 0, 1));
            columnEdge.Add(new("z_w register", ComponentKind.Register, bw, 0, 1));
        }

        // The PE registers hold the offset operands: (b_a+1)-bit activations, (b_w+1)-bit weights when asymmetric.
        ops.AddRange(MultiplierPe.MacOps(ma, mw, mw, ma, acc));
        ops.AddRange(MultiplierRequantizer.OutputOps(acc, ba, outputZeroPoint: true, rounding));
        return new(datapath, form, precision, [.. ops], [.. parameters], [.. MultiplierPe.Components(ma, mw, mw, ma, acc)],
            [.. MultiplierRequantizer.LaneComponents(acc, true, rounding)], PeThroughput.OnePerCycle)
        {
            Operands = new(ma, mw),
            RowEdgeComponents = [.. rowEdge],
            ColumnEdgeComponents = [.. columnEdge],
        };
    }
}
