using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using SimLayerActivity = QuantSim.Simulator.Activity.LayerActivity;
using DatapathLayerActivity = QuantSim.Datapaths.Hardware.LayerActivity;

namespace QuantSim.Energy.Integration;

/// <summary>
/// Prices a simulation: the datapath's hardware inventory times each layer's work gives the
/// arithmetic and register actions; the simulator's SRAM and DRAM counts give the memory actions;
/// the inventory's PE and output-lane components plus the buffers give the area, whose leakage is
/// charged over every layer's cycles.
/// <list type="bullet">
/// <item>Per-MAC ops run in the PEs; the operand multiply and the accumulate together are the MAC.
/// A bit-composable PE is priced per MAC as its share of a Bit Fusion unit, which already includes
/// its multiply, accumulate and pipeline registers.</item>
/// <item>Per-output, per-row and per-channel ops (requantization, offset corrections, row sums,
/// parameter reads) run in the output lanes, one lane per array column.</item>
/// <item>AND-gate arrays (bit-serial PEs) are priced and sized as 2:1 multiplexers of the same width,
/// an upper bound: the cost table has no AND gate.</item>
/// </list>
/// </summary>
public static class SimulationCosting
{
    public static CostedSimulation Price(SimulationResult simulation, string? configFile = null)
    {
        var config = simulation.Config;
        var table = AcceleratorCosts.Table(config, configFile);
        var variant = DatapathRegistry.Default.TryGet(config.Datapath.Kind, out var found)
            ? found
            : throw new ArgumentException($"Unknown datapath '{config.Datapath.Kind}'.", nameof(simulation));
        var settings = DatapathSettings.Resolve(variant, config.Datapath.Options);
        bool bitComposable = variant.Name == "mixed-precision" && settings["pe"] == "bit-composable";

        var inventory = variant.Inventory(config.Datapath.Precision, settings);
        var area = new AreaModel(table).Estimate(AreaInventory(config, inventory, bitComposable));

        var layers = simulation.Layers.Select(l => LayerActivity(config, l, variant.Inventory(l.Precision, settings), bitComposable)).ToList();
        var energy = new EnergyModel(table, DramOption(config, table)).Price(new RunActivity(layers, config.ClockMhz), area.LeakagePowerMw);
        double peakTops = 2.0 * config.Array.ProcessingElements * inventory.MacsPerPeCycle.Macs / inventory.MacsPerPeCycle.Cycles * config.ClockMhz * 1e6 / 1e12;
        return new CostedSimulation(simulation, energy, area, peakTops);
    }

    private static SimLayerActivity LayerActivity(AcceleratorConfig config, LayerSimulation layer, HardwareInventory inventory, bool bitComposable)
    {
        var work = DatapathLayerActivity.Of(layer.Layer);
        var counts = ActivityCounts.CreateBuilder();
        var p = layer.Precision;
        if (bitComposable)
        {
            counts.Add(ActivitySite.ProcessingElement, new Mac(p.ActivationBits, p.WeightBits, p.AccumulatorBits, MacUnit.BitComposable), work.Macs);
        }

        foreach (var op in inventory.Ops)
        {
            long count = op.Count * work.Count(op.Scope);
            bool inPe = op.Scope == OpScope.PerMac;
            if (inPe && bitComposable)
            {
                continue;
            }

            if (inPe && op.Purpose == InventoryParts.Accumulate && inventory.Ops.Any(o => o.Purpose == InventoryParts.WeightTimesActivation))
            {
                continue;
            }

            ActivityAction action = op.Kind switch
            {
                OpKind.Multiply when inPe && op.Purpose == InventoryParts.WeightTimesActivation =>
                    new Mac(op.SecondBits, op.Bits, p.AccumulatorBits),
                OpKind.Multiply => new Multiply(op.Bits, op.SecondBits),
                OpKind.Add => new Add(op.Bits),
                OpKind.Shift => new Shift(op.Bits),
                OpKind.Clamp => new Clamp(op.Bits),
                OpKind.And => new Mux(op.Bits),
                OpKind.RegisterRead or OpKind.ParameterRead => new RegisterRead(op.Bits),
                OpKind.RegisterWrite => new RegisterWrite(op.Bits),
                _ => throw new ArgumentOutOfRangeException(nameof(inventory), op.Kind, "Unpriced datapath operation."),
            };
            counts.Add(inPe ? ActivitySite.ProcessingElement : ActivitySite.OutputStage, action, count);
        }

        foreach (var parameter in inventory.Parameters)
        {
            counts.Add(ActivitySite.OutputStage, new RegisterRead(parameter.Bytes * 8), parameter.PerChannel ? work.OutputChannels : 1);
        }

        var s = layer.Sram;
        counts.Add(ActivitySite.Memory, AcceleratorCosts.Read(config, AcceleratorCosts.Ifmap), s.IfmapReads)
            .Add(ActivitySite.Memory, AcceleratorCosts.Write(config, AcceleratorCosts.Ifmap), s.IfmapWrites)
            .Add(ActivitySite.Memory, AcceleratorCosts.Read(config, AcceleratorCosts.Filter), s.FilterReads)
            .Add(ActivitySite.Memory, AcceleratorCosts.Write(config, AcceleratorCosts.Filter), s.FilterWrites)
            .Add(ActivitySite.Memory, AcceleratorCosts.Read(config, AcceleratorCosts.Ofmap), s.OfmapReads)
            .Add(ActivitySite.Memory, AcceleratorCosts.Write(config, AcceleratorCosts.Ofmap), s.OfmapWrites)
            .Add(ActivitySite.Memory, new DramRead(8), layer.Dram.BytesMovedRead)
            .Add(ActivitySite.Memory, new DramWrite(8), layer.Dram.BytesMovedWritten);
        return new SimLayerActivity(layer.Name, layer.TotalCycles, layer.Macs, counts.Build());
    }

    /// <summary>Every PE's components, one output lane per array column, and the three buffers.</summary>
    private static IEnumerable<InventoryItem> AreaInventory(AcceleratorConfig config, HardwareInventory inventory, bool bitComposable)
    {
        long pes = config.Array.ProcessingElements;
        if (bitComposable)
        {
            yield return new InventoryItem("pe", new BitComposableMacUnit(), pes);
        }

        foreach (var c in inventory.PeComponents)
        {
            if (bitComposable && c.Kind is ComponentKind.Multiplier or ComponentKind.Adder)
            {
                continue;
            }

            yield return new InventoryItem("pe", Unit(c), pes * c.Count);
        }

        foreach (var c in inventory.OutputLaneComponents)
        {
            yield return new InventoryItem("output lanes", Unit(c), (long)config.Array.Cols * c.Count);
        }

        foreach (var buffer in AcceleratorCosts.Buffers(config))
        {
            yield return buffer;
        }
    }

    private static HardwareUnit Unit(HardwareComponent c) => c.Kind switch
    {
        ComponentKind.Multiplier => new MultiplierUnit(c.Bits, c.SecondBits),
        ComponentKind.Adder => new AdderUnit(c.Bits),
        ComponentKind.Register => new RegisterUnit(c.Bits),
        ComponentKind.Shifter => new ShifterUnit(c.Bits),
        ComponentKind.Comparator => new ComparatorUnit(c.Bits),
        ComponentKind.AndArray => new Mux2Unit(c.Bits),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unsized datapath component."),
    };

    /// <summary>The table's DRAM energy option matching the config's DRAM, or the table's default.</summary>
    private static string? DramOption(AcceleratorConfig config, CostTable table) =>
        config.Dram is TimingDramConfig t && t.Parameters.Name.StartsWith("lpddr4", StringComparison.Ordinal)
        && table.Dram.Options.Any(o => o.Name == "lpddr4")
            ? "lpddr4"
            : null;
}
