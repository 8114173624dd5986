using QuantSim.Datapaths.Hardware;
using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;

namespace QuantSim.Energy.Pricing;

/// <summary>
/// What an <see cref="AcceleratorConfig"/> means to the energy and area models: the cost table it
/// names and the hardware it builds (every PE's components and the registers its dataflow adds, one output
/// lane per array column with its parameter registers, the array-edge units of forms that have them, one
/// per row or column, the three buffers) as area inventory.
/// </summary>
public static class AcceleratorCosts
{
    /// <summary>
    /// Loads the table the config names (<c>technology: cost_table:</c>); a relative path is taken
    /// relative to the config's file, and errors name the config's <c>technology.cost_table</c> field.
    /// </summary>
    public static CostTable Table(AcceleratorConfig config) =>
        CostTableResolver.Resolve(config.Technology.CostTable, config.Origin.Locate("technology.cost_table"));

    /// <summary>
    /// The built hardware. A component inside a composite MAC unit (<see cref="HardwareComponent.InsideMacUnit"/>)
    /// is sized by the unit's own entry, not again. The configured buffer capacity is the buffer's total
    /// (double buffering splits it into halves; it does not add storage).
    /// </summary>
    public static IEnumerable<InventoryItem> Hardware(AcceleratorConfig config, HardwareInventory inventory)
    {
        long pes = config.Array.ProcessingElements;
        var registers = ArrayRegisters.Of(config.Array.Dataflow, inventory);
        foreach (var c in inventory.PeComponents.Where(c => !c.InsideMacUnit).Concat(registers.DataflowPeRegisters))
        {
            yield return new InventoryItem("pe", Unit(c), pes * c.Count);
        }

        var lane = inventory.OutputLaneComponents.Where(c => !c.InsideMacUnit);
        foreach (var c in registers.LaneParameterRegisters is { } parameters ? lane.Append(parameters) : lane)
        {
            yield return new InventoryItem("output lanes", Unit(c), (long)config.Array.Cols * c.Count);
        }

        // Edge units sit where operands enter the array: one per row for activations, one per column for weights.
        foreach (var c in inventory.RowEdgeComponents)
        {
            yield return new InventoryItem("array edge", Unit(c), (long)config.Array.Rows * c.Count);
        }

        foreach (var c in inventory.ColumnEdgeComponents)
        {
            yield return new InventoryItem("array edge", Unit(c), (long)config.Array.Cols * c.Count);
        }

        yield return Buffer(ActivityCounter.Ifmap, config.Buffers.Ifmap);
        yield return Buffer(ActivityCounter.Filter, config.Buffers.Filter);
        yield return Buffer(ActivityCounter.Ofmap, config.Buffers.Ofmap);
    }

    /// <summary>The table's DRAM energy option the config names (<c>technology.dram_energy</c>), or null for the table's default.</summary>
    public static string? DramOption(AcceleratorConfig config) => config.Technology.DramEnergy;

    private static InventoryItem Buffer(string name, BufferConfig buffer) => new("buffers", new SramUnit(name, buffer.CapacityBytes, buffer.Banks), 1);

    private static string FormatOf(HardwareComponent c) =>
        c.Format?.Name ?? throw new ArgumentException($"floating-point component '{c.Name}' has no format", nameof(c));

    private static HardwareUnit Unit(HardwareComponent c) => c.Kind switch
    {
        ComponentKind.Multiplier => new MultiplierUnit(c.Bits, c.SecondBits),
        ComponentKind.Adder => new AdderUnit(c.Bits),
        ComponentKind.Register => new RegisterUnit(c.Bits),
        ComponentKind.Shifter => new ShifterUnit(c.Bits),
        ComponentKind.Comparator => new ComparatorUnit(c.Bits),
        // The table has no AND gate: an AND array is sized as 2:1 multiplexers of the same width, an upper bound.
        ComponentKind.AndArray => new Mux2Unit(c.Bits),
        ComponentKind.BitComposableMac => new BitComposableMacUnit(),
        ComponentKind.FloatAdder => new FloatAdderUnit(FormatOf(c)),
        ComponentKind.FloatMultiplier => new FloatMultiplierUnit(FormatOf(c)),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unsized datapath component."),
    };
}
