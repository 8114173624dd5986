using System.Globalization;

namespace QuantSim.Datapaths.Hardware;

/// <summary>An inventory flattened into rows, sections in a fixed order, for tables and reports.</summary>
public static class InventoryTable
{
    public const string PerMac = "per MAC";
    public const string PerRowActivation = "per row activation";
    public const string PerWeight = "per weight";
    public const string PerOutputRow = "per output row";
    public const string PerOutput = "per output";
    public const string PerLayer = "per layer";
    public const string PeArea = "PE area";
    public const string OutputLaneArea = "output lane area";
    public const string RowEdgeArea = "row edge area";
    public const string ColumnEdgeArea = "column edge area";
    public const string Throughput = "throughput";

    public static IReadOnlyList<InventoryRow> Rows(HardwareInventory inventory)
    {
        var rows = new List<InventoryRow>();
        foreach (var (scope, section) in new[]
                 {
                     (OpScope.PerMac, PerMac), (OpScope.PerRowActivation, PerRowActivation), (OpScope.PerWeight, PerWeight),
                     (OpScope.PerOutputRow, PerOutputRow), (OpScope.PerOutput, PerOutput),
                 })
        {
            rows.AddRange(inventory.In(scope).Select(op => new InventoryRow(section, Name(op.Kind), op.Width, Int(op.Count), op.InsideMacUnit ? op.Purpose + " (in the MAC unit)" : op.Purpose)));
        }

        rows.AddRange(inventory.Parameters.Select(p => new InventoryRow(
            PerLayer, "store + fetch " + p.Name, $"{p.Bits} ({p.Bytes} B)", p.PerChannel ? "per channel" : "1", "parameter")));
        rows.AddRange(inventory.PeComponents.Select(c => new InventoryRow(PeArea, c.Name, c.Width, Int(c.Count), c.InsideMacUnit ? "in the MAC unit" : Kind(c.Kind))));
        rows.AddRange(inventory.OutputLaneComponents.Select(c => new InventoryRow(OutputLaneArea, c.Name, c.Width, Int(c.Count), Kind(c.Kind))));
        rows.AddRange(inventory.RowEdgeComponents.Select(c => new InventoryRow(RowEdgeArea, c.Name, c.Width, Int(c.Count), Kind(c.Kind))));
        rows.AddRange(inventory.ColumnEdgeComponents.Select(c => new InventoryRow(ColumnEdgeArea, c.Name, c.Width, Int(c.Count), Kind(c.Kind))));
        rows.Add(new(Throughput, "MACs per PE per cycle", "-", inventory.MacsPerPeCycle.ToString(), inventory.Form));
        return rows;
    }

    public static string Name(OpKind kind) => kind switch
    {
        OpKind.Multiply => "multiply",
        OpKind.Add => "add",
        OpKind.Shift => "shift",
        OpKind.Clamp => "clamp",
        OpKind.And => "and",
        OpKind.RegisterRead => "register read",
        OpKind.RegisterWrite => "register write",
        OpKind.ParameterRead => "parameter read",
        OpKind.ComposableMac => "bit-composable MAC",
        OpKind.FloatMultiply => "float multiply",
        OpKind.FloatAdd => "float add",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Kind(ComponentKind kind) => kind switch
    {
        ComponentKind.BitComposableMac => "bit-composable mac",
        ComponentKind.FloatMultiplier => "float multiplier",
        ComponentKind.FloatAdder => "float adder",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
