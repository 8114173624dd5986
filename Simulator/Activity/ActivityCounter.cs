using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads.Layers;
using GemmCounts = QuantSim.Datapaths.Hardware.LayerActivity;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// Turns one simulated layer into counted actions: the datapath inventory's operations times the
/// layer's GEMM work, its parameter fetches, and the SRAM words and DRAM bytes the memory system moved.
/// <list type="bullet">
/// <item>Per-MAC operations happen in the PEs. A multiply with role <see cref="OpRole.MacMultiply"/>
/// and the accumulate beside it are one <see cref="Mac"/>; a <see cref="OpKind.ComposableMac"/> is one
/// bit-composable MAC, and the parts listed inside it (<see cref="HardwareOp.InsideMacUnit"/>) are not
/// counted again.</item>
/// <item>Per-output, per-row, per-channel operations and parameter fetches happen in the output lanes.</item>
/// <item>AND-gate arrays (bit-serial PEs) are counted as 2:1 multiplexers of the same width, an upper
/// bound: the cost table has no AND gate.</item>
/// </list>
/// Pure: the energy model only prices what this returns.
/// </summary>
public static class ActivityCounter
{
    /// <summary>The names SRAM actions and the energy breakdown use for the three buffers.</summary>
    public const string Ifmap = "ifmap";
    public const string Filter = "filter";
    public const string Ofmap = "ofmap";

    public static LayerActivity Count(
        Layer layer, Precision precision, HardwareInventory inventory, BufferSetConfig buffers, SramCounts sram, DramStatistics dram, long cycles)
    {
        var counts = ActivityCounts.CreateBuilder();
        AddDatapath(counts, GemmCounts.Of(layer), precision, inventory);
        AddMemory(counts, buffers, sram, dram);
        return new LayerActivity(layer.Name, cycles, layer.Macs, counts.Build());
    }

    /// <summary>The datapath's actions for one layer's GEMM work.</summary>
    public static void AddDatapath(ActivityCounts.Builder counts, GemmCounts work, Precision precision, HardwareInventory inventory)
    {
        bool fusedMac = inventory.Ops.Any(o => o.Scope == OpScope.PerMac && o.Role == OpRole.MacMultiply && o.Kind == OpKind.Multiply && !o.InsideMacUnit)
                        && inventory.Ops.Any(o => o.Scope == OpScope.PerMac && o.Role == OpRole.Accumulate && !o.InsideMacUnit);
        foreach (var op in inventory.Ops)
        {
            if (op.InsideMacUnit)
            {
                continue;
            }

            bool inPe = op.Scope == OpScope.PerMac;
            if (inPe && fusedMac && op.Role == OpRole.Accumulate)
            {
                continue;
            }

            ActivityAction action = op.Kind switch
            {
                OpKind.ComposableMac => new Mac(op.SecondBits, op.Bits, precision.AccumulatorBits, MacUnit.BitComposable),
                OpKind.Multiply when inPe && fusedMac && op.Role == OpRole.MacMultiply => new Mac(op.SecondBits, op.Bits, precision.AccumulatorBits),
                OpKind.Multiply => new Multiply(op.Bits, op.SecondBits),
                OpKind.Add => new Add(op.Bits),
                OpKind.Shift => new Shift(op.Bits),
                OpKind.Clamp => new Clamp(op.Bits),
                OpKind.And => new Mux(op.Bits),
                OpKind.RegisterRead or OpKind.ParameterRead => new RegisterRead(op.Bits),
                OpKind.RegisterWrite => new RegisterWrite(op.Bits),
                _ => throw new ArgumentOutOfRangeException(nameof(inventory), op.Kind, "An inventory operation the counter does not know."),
            };
            counts.Add(inPe ? ActivitySite.ProcessingElement : ActivitySite.OutputStage, action, op.Count * work.Count(op.Scope));
        }

        foreach (var parameter in inventory.Parameters)
        {
            counts.Add(ActivitySite.OutputStage, new RegisterRead(parameter.Bytes * 8), parameter.PerChannel ? work.OutputChannels : 1);
        }
    }

    /// <summary>SRAM words per buffer (at the buffer's word width and bank size) and DRAM bytes moved.</summary>
    public static void AddMemory(ActivityCounts.Builder counts, BufferSetConfig buffers, SramCounts sram, DramStatistics dram)
    {
        counts.Add(ActivitySite.Memory, Read(Ifmap, buffers.Ifmap), sram.IfmapReads)
            .Add(ActivitySite.Memory, Write(Ifmap, buffers.Ifmap), sram.IfmapWrites)
            .Add(ActivitySite.Memory, Read(Filter, buffers.Filter), sram.FilterReads)
            .Add(ActivitySite.Memory, Write(Filter, buffers.Filter), sram.FilterWrites)
            .Add(ActivitySite.Memory, Read(Ofmap, buffers.Ofmap), sram.OfmapReads)
            .Add(ActivitySite.Memory, Write(Ofmap, buffers.Ofmap), sram.OfmapWrites)
            .Add(ActivitySite.Memory, new DramRead(8), dram.BytesMovedRead)
            .Add(ActivitySite.Memory, new DramWrite(8), dram.BytesMovedWritten);
    }

    /// <summary>One word read from a buffer.</summary>
    public static SramRead Read(string name, BufferConfig buffer) => new(name, buffer.CapacityBytes, buffer.WordBits, buffer.Banks);

    /// <summary>One word written to a buffer.</summary>
    public static SramWrite Write(string name, BufferConfig buffer) => new(name, buffer.CapacityBytes, buffer.WordBits, buffer.Banks);
}
